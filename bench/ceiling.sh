#!/usr/bin/env bash
# The ceiling of the stack on this machine: how many requests a second Payara Micro answers when
# the application does (almost) nothing, with the same load generator as the other benchmarks.
# A static file goes through the servlet filters only; the municipalities API adds JAX-RS, an EJB
# and one small query. Results go to stdout; docs/BENCHMARKS.md records them.
# Needs MariaDB at 127.0.0.1:3306 (root, no password) as on the development machines.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-32}
SECONDS_PER_PATH=${SECONDS_PER_PATH:-30}
WARMUP=${WARMUP:-15}
PORT=${PORT:-8092}

source bench/lib.sh
./mvnw -q -DskipTests -pl consultation-web -am package

fresh_database duh_bench_ceiling
start_site "$PORT" duh_bench_ceiling target/bench-ceiling-site.log "-Xmx1g ${JAVA_EXTRA:-}" "/api/municipalities"

java bench/LoadTest.java "http://localhost:$PORT" "$USERS" "$SECONDS_PER_PATH" "$WARMUP" \
    "/resources/css/site.css" \
    "/api/municipalities"

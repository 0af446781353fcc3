#!/usr/bin/env bash
# Benchmarks signing and confirming through the API on MariaDB for a minute: SIGNERS threads
# sign, CONFIRMERS threads confirm with the links from the mail outbox, one reader follows the
# public count. Results go to stdout; docs/BENCHMARKS.md records them.
# Needs MariaDB at 127.0.0.1:3306 (root, no password) as on the development machines.
set -euo pipefail
cd "$(dirname "$0")/.."
SIGNERS=${SIGNERS:-32}
CONFIRMERS=${CONFIRMERS:-16}
SECONDS_RUN=${SECONDS_RUN:-60}
PORT=${PORT:-8091}

source bench/lib.sh
./mvnw -q -DskipTests -pl consultation-web -am package

SLUG=dunav-bez-plastike
# Every signature comes from 127.0.0.1: the per-address and site-wide mail limits are lifted for the benchmark.
fresh_database duh_bench_sign
start_site "$PORT" duh_bench_sign target/bench-sign-site.log "-Xmx1g -DSIGNATURE_MAILS_PER_ADDRESS_HOUR=100000000 -DSIGNATURE_MAILS_PER_HOUR=100000000 ${JAVA_EXTRA:-}" "/api/campaigns/dunav-bez-plastike"
sleep 10 # the demo signatures are counted first

DRIVER=$(find ~/.m2/repository/org/mariadb/jdbc/mariadb-java-client -name 'mariadb-java-client-*.jar' | sort | tail -1)
java -cp "$DRIVER" bench/SignBench.java "http://localhost:$PORT" "$SLUG" "$SIGNERS" "$CONFIRMERS" "$SECONDS_RUN" \
    jdbc:mariadb://127.0.0.1:3306/duh_bench_sign duh_bench duh_bench_password

#!/usr/bin/env bash
# Benchmarks the round page and the comments API with the demo round of 5,000 comments, on
# MariaDB, with 32 concurrent visitors. Results go to stdout; docs/BENCHMARKS.md records them.
# PAGE_CACHE_SECONDS=0 bench/run.sh measures without the short-lived copy of public pages.
# Needs MariaDB at 127.0.0.1:3306 (root, no password) as on the development machines.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-32}
SECONDS_PER_PATH=${SECONDS_PER_PATH:-60}
WARMUP=${WARMUP:-20}
PORT=${PORT:-8090}

source bench/lib.sh
./mvnw -q -DskipTests -pl consultation-web -am package

fresh_database duh_bench
start_site "$PORT" duh_bench target/bench-site.log "-Xmx1g" "/api/consultations/lokalni-proizvodi-2027"

ROUND=lokalni-proizvodi-2027
java bench/LoadTest.java "http://localhost:$PORT" "$USERS" "$SECONDS_PER_PATH" "$WARMUP" \
    "/consultations/view.xhtml?slug=$ROUND" \
    "/consultations/view.xhtml?slug=$ROUND&section=3&after=4000" \
    "/api/consultations/$ROUND/comments?limit=50" \
    "/api/consultations/$ROUND/comments?limit=100&cursor=4500" \
    "/consultations/view.xhtml?slug=$ROUND&after={after:5000}" \
    "/api/consultations/$ROUND/comments?limit=50&cursor={after:5000}"

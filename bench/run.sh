#!/usr/bin/env bash
# Benchmarks the round page and the comments API with the demo round of 5,000 comments, on
# MariaDB, with 32 concurrent visitors. Results go to stdout; docs/BENCHMARKS.md records them.
# Needs MariaDB at 127.0.0.1:3306 (root, no password) as on the development machines.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-32}
SECONDS_PER_PATH=${SECONDS_PER_PATH:-60}
WARMUP=${WARMUP:-20}
PORT=${PORT:-8090}

./mvnw -q -DskipTests -pl consultation-web -am package

mariadb --protocol=tcp -h127.0.0.1 -uroot -e "
    DROP DATABASE IF EXISTS duh_bench;
    CREATE DATABASE duh_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS 'duh_bench'@'%' IDENTIFIED BY 'duh_bench_password';
    CREATE USER IF NOT EXISTS 'duh_bench'@'localhost' IDENTIFIED BY 'duh_bench_password';
    GRANT ALL ON duh_bench.* TO 'duh_bench'@'%';
    GRANT ALL ON duh_bench.* TO 'duh_bench'@'localhost';"

DATA=$(mktemp -d)
LOG=target/bench-site.log
mkdir -p target
HTTP_PORT=$PORT DATA_DIR=$DATA DEMO=true \
DB_URL=jdbc:mariadb://127.0.0.1:3306/duh_bench DB_USER=duh_bench DB_PASSWORD=duh_bench_password \
JAVA_OPTS="-Xmx1g" \
java -cp consultation-core/target/classes org.duhbalkana.platform.launch.MicroLauncher \
    --micro consultation-web/target/payara-micro.jar --war consultation-web/target/consultation.war -- --nocluster \
    > "$LOG" 2>&1 &
SITE=$!
trap 'kill $SITE 2>/dev/null; wait $SITE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://localhost:$PORT/api/consultations/lokalni-proizvodi-2027" >/dev/null 2>&1 && break
    sleep 1
done

ROUND=lokalni-proizvodi-2027
java bench/LoadTest.java "http://localhost:$PORT" "$USERS" "$SECONDS_PER_PATH" "$WARMUP" \
    "/consultations/view.xhtml?slug=$ROUND" \
    "/consultations/view.xhtml?slug=$ROUND&section=3&after=4000" \
    "/api/consultations/$ROUND/comments?limit=50" \
    "/api/consultations/$ROUND/comments?limit=100&cursor=4500"

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

./mvnw -q -DskipTests -pl consultation-web -am package

mariadb --protocol=tcp -h127.0.0.1 -uroot -e "
    DROP DATABASE IF EXISTS duh_bench_sign;
    CREATE DATABASE duh_bench_sign CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS 'duh_bench'@'%' IDENTIFIED BY 'duh_bench_password';
    CREATE USER IF NOT EXISTS 'duh_bench'@'localhost' IDENTIFIED BY 'duh_bench_password';
    GRANT ALL ON duh_bench_sign.* TO 'duh_bench'@'%';
    GRANT ALL ON duh_bench_sign.* TO 'duh_bench'@'localhost';"

DATA=$(mktemp -d)
LOG=target/bench-sign-site.log
mkdir -p target
DB=jdbc:mariadb://127.0.0.1:3306/duh_bench_sign
# Every signature comes from 127.0.0.1: the per-address limit is lifted for the benchmark.
HTTP_PORT=$PORT DATA_DIR=$DATA DEMO=true DB_URL=$DB DB_USER=duh_bench DB_PASSWORD=duh_bench_password \
JAVA_OPTS="-Xmx1g -Dduhbalkana.signaturesPerAddressHour=100000000" \
java -cp consultation-core/target/classes org.duhbalkana.platform.launch.MicroLauncher \
    --micro consultation-web/target/payara-micro.jar --war consultation-web/target/consultation.war -- --nocluster \
    > "$LOG" 2>&1 &
SITE=$!
trap 'kill $SITE 2>/dev/null; wait $SITE 2>/dev/null || true' EXIT
SLUG=dunav-bez-plastike
for _ in $(seq 1 120); do
    curl -sf "http://localhost:$PORT/api/campaigns/$SLUG" >/dev/null 2>&1 && break
    sleep 1
done
sleep 10 # the demo signatures are counted first

DRIVER=$(find ~/.m2/repository/org/mariadb/jdbc/mariadb-java-client -name 'mariadb-java-client-*.jar' | sort | tail -1)
java -cp "$DRIVER" bench/SignBench.java "http://localhost:$PORT" "$SLUG" "$SIGNERS" "$CONFIRMERS" "$SECONDS_RUN" \
    "$DB" duh_bench duh_bench_password

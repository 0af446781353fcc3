#!/usr/bin/env bash
# Benchmarks search over 100,000 comments on MariaDB: starts the site with the demo content
# (5,000 comments on one round), copies top-level comments until there are at least 100,000
# (through SQL, with their search form, so MariaDB's full-text index holds them all), then
# queries /api/search with USERS concurrent clients. Results go to stdout; docs/BENCHMARKS.md
# records them. Needs MariaDB at 127.0.0.1:3306 (root, no password).
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-8}
SECONDS_PER_PATH=${SECONDS_PER_PATH:-20}
WARMUP=${WARMUP:-5}
PORT=${PORT:-8092}

source bench/lib.sh
./mvnw -q -DskipTests -pl consultation-web -am package

fresh_database duh_bench_search
start_site "$PORT" duh_bench_search target/bench-search-site.log "-Xmx1g -Dduhbalkana.searchesPerAddressMinute=100000000 ${JAVA_EXTRA:-}" "/api/consultations/lokalni-proizvodi-2027"

COPY="INSERT INTO round_comment (round_id, section_id, author_id, stance, body, created_at, status, version, search_text)
      SELECT round_id, section_id, author_id, stance, body, created_at, status, 1, search_text
      FROM round_comment WHERE parent_id IS NULL"
for _ in $(seq 1 6); do
    N=$(mariadb --protocol=tcp -h127.0.0.1 -uroot -N -e "SELECT COUNT(*) FROM duh_bench_search.round_comment")
    [ "$N" -ge 100000 ] && break
    mariadb --protocol=tcp -h127.0.0.1 -uroot duh_bench_search -e "$COPY"
done
# Bulk-inserted rows wait in the full-text index's cache until it is synced; a live site adds
# comments one by one. Sync it, as a long-running site would have.
mariadb --protocol=tcp -h127.0.0.1 -uroot duh_bench_search -e "
    SET GLOBAL innodb_optimize_fulltext_only = ON; OPTIMIZE TABLE round_comment; SET GLOBAL innodb_optimize_fulltext_only = OFF;" >/dev/null
mariadb --protocol=tcp -h127.0.0.1 -uroot -N -e "SELECT CONCAT(COUNT(*), ' comments') FROM duh_bench_search.round_comment"

java bench/LoadTest.java "http://localhost:$PORT" "$USERS" "$SECONDS_PER_PATH" "$WARMUP" \
    "/api/search?q=Zajecar" \
    "/api/search?q=%D0%97%D0%B0%D1%98%D0%B5%D1%87%D0%B0%D1%80" \
    "/api/search?q=pijaca" \
    "/api/search?q=staza%20mapa" \
    "/api/search?q=Zajecar&page=40"

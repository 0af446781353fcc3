# Shared by the benchmark scripts: a fresh MariaDB database for the run, and the site on it.
# Needs MariaDB at 127.0.0.1:3306 (root, no password) as on the development machines.

# fresh_database NAME: drops and creates NAME, with the user duh_bench allowed on it.
fresh_database() {
    mariadb --protocol=tcp -h127.0.0.1 -uroot -e "
        DROP DATABASE IF EXISTS $1;
        CREATE DATABASE $1 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        CREATE USER IF NOT EXISTS 'duh_bench'@'%' IDENTIFIED BY 'duh_bench_password';
        CREATE USER IF NOT EXISTS 'duh_bench'@'localhost' IDENTIFIED BY 'duh_bench_password';
        GRANT ALL ON $1.* TO 'duh_bench'@'%';
        GRANT ALL ON $1.* TO 'duh_bench'@'localhost';"
}

# start_site PORT DATABASE LOG JAVA_OPTS READY_PATH: starts the packaged WAR on Payara Micro with
# the demo content on DATABASE, stops it when the script exits, and waits until READY_PATH answers.
start_site() {
    local port=$1 database=$2 log=$3 opts=$4 ready=$5
    mkdir -p "$(dirname "$log")"
    HTTP_PORT=$port DATA_DIR=$(mktemp -d) DEMO=true \
    DB_URL=jdbc:mariadb://127.0.0.1:3306/$database DB_USER=duh_bench DB_PASSWORD=duh_bench_password \
    JAVA_OPTS="$opts" \
    java -cp consultation-core/target/classes org.duhbalkana.platform.launch.MicroLauncher \
        --micro consultation-web/target/payara-micro.jar --war consultation-web/target/consultation.war -- --nocluster \
        > "$log" 2>&1 &
    SITE=$!
    trap 'kill $SITE 2>/dev/null; wait $SITE 2>/dev/null || true' EXIT
    for _ in $(seq 1 120); do
        curl -sf "http://localhost:$port$ready" >/dev/null 2>&1 && return 0
        sleep 1
    done
    echo "the site did not come up; see $log" >&2
    return 1
}

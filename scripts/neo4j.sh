#!/usr/bin/env bash
# Install, start and stop a local Neo4j Community server assembled from the
# jars published on Maven Central (no Docker, no tarball, no OS package).
#
#   scripts/neo4j.sh install          fetch + verify jars into .cache/neo4j/<version>/lib
#   scripts/neo4j.sh start            start on 127.0.0.1, print NEO4J_URI/USER and where the
#                                     password is (<home>/env holds all three; never printed)
#   scripts/neo4j.sh stop             stop the server started from NEO4J_HOME_DIR
#   scripts/neo4j.sh status           "running ..." (exit 0) or "not running" (exit 3)
#   scripts/neo4j.sh admin ARGS...    neo4j-admin, e.g. admin database import full ...
#   scripts/neo4j.sh lock             rewrite neo4j/jars.sha256 (after a version bump)
#
# Environment: NEO4J_HOME_DIR (.cache/neo4j/run), NEO4J_BOLT_PORT (7687),
# NEO4J_HTTP_PORT (unset = HTTP connector off), NEO4J_START_TIMEOUT (120),
# NEO4J_STOP_TIMEOUT (60), NEO4J_HEAP (512m, initial = max), NEO4J_PAGECACHE (128m).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POM="$ROOT/neo4j/pom.xml"
MANIFEST="$ROOT/neo4j/jars.sha256"
TEMPLATE="$ROOT/neo4j/neo4j.conf.template"
VERSION="$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$POM")"
CACHE="$ROOT/.cache/neo4j/$VERSION"
LIB="$CACHE/lib"

HOME_DIR="${NEO4J_HOME_DIR:-$ROOT/.cache/neo4j/run}"
[[ "$HOME_DIR" == /* ]] || HOME_DIR="$PWD/$HOME_DIR"   # Neo4j wants absolute paths
BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
HTTP_PORT="${NEO4J_HTTP_PORT:-}"
HEAP="${NEO4J_HEAP:-512m}"
PAGECACHE="${NEO4J_PAGECACHE:-128m}"
PID_FILE="$HOME_DIR/run/neo4j.pid"
PW_FILE="$HOME_DIR/password"
CONSOLE_LOG="$HOME_DIR/logs/console.log"

die() { echo "neo4j.sh: $*" >&2; exit 1; }

# --- install -----------------------------------------------------------------

require_tools() {
    command -v java >/dev/null 2>&1 || die "Java 17+ is required: install openjdk-17-jre-headless"
    local v major
    v="$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
    major="${v%%.*}"
    if ! [[ "$major" =~ ^[0-9]+$ ]] || (( major < 17 )); then
        die "Java 17+ is required: install openjdk-17-jre-headless (found '${v:-unknown}')"
    fi
}

# verify_jars DIR: every jar listed in the manifest matches, and nothing else is there.
verify_jars() {
    local dir="$1" what="${2:-$1}"
    [[ -f "$MANIFEST" ]] || die "missing $MANIFEST: run 'scripts/neo4j.sh lock' to create it"
    if ! (cd "$dir" && sha256sum --quiet --strict -c "$MANIFEST" >/dev/null 2>&1) \
        || [[ "$(find "$dir" -mindepth 1 -printf '%f\n' | sort)" != "$(awk '{print $2}' "$MANIFEST" | sort)" ]]; then
        die "Neo4j $VERSION jars in $what do not match neo4j/jars.sha256 (corrupt download, or the version changed: after a deliberate bump run 'scripts/neo4j.sh lock')"
    fi
}

# fetch_jars: download into a temp dir beside the cache, then move it into place.
fetch_jars() {
    command -v mvn >/dev/null 2>&1 || die "Maven is required to fetch the Neo4j jars: install maven"
    mkdir -p "$CACHE"
    local tmp; tmp="$(mktemp -d "$CACHE/.download.XXXXXX")"
    trap 'rm -rf "$tmp"; rmdir "$CACHE" 2>/dev/null || true' EXIT
    echo "fetching Neo4j $VERSION jars with Maven ..." >&2
    if ! mvn -q -B -Dstyle.color=never -f "$POM" --strict-checksums dependency:copy-dependencies \
            -DoutputDirectory="$tmp/lib" >"$tmp/mvn.log" 2>&1; then
        die "could not fetch Neo4j jars from Maven Central: $(sed 's/\x1b\[[0-9;]*m//g' "$tmp/mvn.log" \
            | grep -v -e '^\[ERROR\] \[Help' -e 'full stack trace' -e 'Re-run Maven' -e 'For more information' \
            -e '^\(\[ERROR\]\)\? *$' | sed 's/ -> \[Help [0-9]*\]//' \
            | tail -n 2 | tr -s '\n\t ' ' ')"
    fi
    [[ "${1:-}" == "--no-verify" ]] || verify_jars "$tmp/lib" "the fresh download"
    mv -T "$tmp/lib" "$LIB" 2>/dev/null || [[ -d "$LIB" ]] || die "could not move jars into $LIB"
    rm -rf "$tmp"; trap - EXIT
}

cmd_install() {
    require_tools
    if [[ -d "$LIB" ]]; then verify_jars "$LIB"; return 0; fi
    fetch_jars
    echo "Neo4j $VERSION installed in $LIB" >&2
}

cmd_lock() {
    [[ -d "$LIB" ]] || fetch_jars --no-verify
    (cd "$LIB" && sha256sum -- *.jar) >"$MANIFEST"
    echo "wrote $(wc -l <"$MANIFEST") checksums for Neo4j $VERSION to $MANIFEST" >&2
}

# --- configuration -------------------------------------------------------------

write_conf() {
    mkdir -p "$HOME_DIR"/{conf,data,logs,run,plugins,import}
    local http_enabled=true
    [[ -n "$HTTP_PORT" ]] || { http_enabled=false; HTTP_PORT=7474; }
    sed -e "s|@LIB_DIR@|$LIB|" -e "s|@BOLT_PORT@|$BOLT_PORT|" \
        -e "s|@HTTP_ENABLED@|$http_enabled|" -e "s|@HTTP_PORT@|$HTTP_PORT|" \
        -e "s|@HEAP@|$HEAP|" -e "s|@PAGECACHE@|$PAGECACHE|" "$TEMPLATE" >"$HOME_DIR/conf/neo4j.conf"
}

# neo4j-admin through the same boot loader as the official bin/neo4j-admin.
run_admin() {
    NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$HOME_DIR/conf" \
        java -cp "$LIB/*" -Dfile.encoding=UTF-8 org.neo4j.server.startup.Neo4jAdminCommand "$@"
}

# ensure_password: reuse <home>/password, or generate one and set it before first start.
ensure_password() {
    if [[ -d "$HOME_DIR/data/databases/system" ]]; then
        [[ -s "$PW_FILE" ]] || die "$HOME_DIR/data exists but $PW_FILE is missing: delete $HOME_DIR/data to start afresh"
        return 0
    fi
    if [[ ! -s "$PW_FILE" ]]; then
        (umask 077 && python3 -c 'import secrets; print(secrets.token_hex(16))' >"$PW_FILE")
    fi
    chmod 600 "$PW_FILE"
    run_admin dbms set-initial-password "$(cat "$PW_FILE")" >"$HOME_DIR/logs/set-password.log" 2>&1 \
        || die "could not set the initial password: $(head -n 1 "$HOME_DIR/logs/set-password.log")"
}

# --- process control -------------------------------------------------------------

# running_pid: print the pid of the server of this home if it is alive, else fail
# (a stale pid file whose pid now belongs to another process does not count).
running_pid() {
    [[ -s "$PID_FILE" ]] || return 1
    local pid; pid="$(cat "$PID_FILE")"
    ps -ww -p "$pid" -o args= 2>/dev/null | grep -qF -- "CommunityEntryPoint --home-dir=$HOME_DIR " || return 1
    echo "$pid"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# bolt_ready: a real Bolt handshake; the server answers with a non-zero version.
bolt_ready() {
    python3 - "$BOLT_PORT" <<'PY' 2>/dev/null
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
# magic, then 5.0-5.8, 4.4 down to 4.2, 4.1, 3.0
s.sendall(bytes.fromhex("6060B017" "00080805" "00020404" "00000104" "00000003"))
reply = b""
while len(reply) < 4:
    chunk = s.recv(4 - len(reply))
    if not chunk:
        break
    reply += chunk
sys.exit(0 if len(reply) == 4 and reply != b"\0\0\0\0" else 1)
PY
}

# print_env: write <home>/env (mode 600) with the three settings; print all but the password,
# which stays out of terminals, CI logs and `make serve` output.
print_env() {
    local pw
    pw="$(cat "$PW_FILE")"
    (umask 077 && printf 'NEO4J_URI=bolt://127.0.0.1:%s\nNEO4J_USER=neo4j\nNEO4J_PASSWORD=%s\n' \
        "$BOLT_PORT" "$pw" >"$HOME_DIR/env")
    echo "NEO4J_URI=bolt://127.0.0.1:$BOLT_PORT"
    echo "NEO4J_USER=neo4j"
    echo "# NEO4J_PASSWORD is in $PW_FILE (set -a; . $HOME_DIR/env; set +a exports all three)"
}

startup_failed() {
    echo "neo4j.sh: $1; last 30 lines of $CONSOLE_LOG:" >&2
    tail -n 30 "$CONSOLE_LOG" >&2 || true
    exit 1
}

cmd_start() {
    cmd_install
    command -v python3 >/dev/null 2>&1 || die "python3 is required (password generation, readiness check)"
    local pid
    if pid="$(running_pid)"; then
        BOLT_PORT="$(sed -n 's/^server.bolt.listen_address=://p' "$HOME_DIR/conf/neo4j.conf")"
        echo "Neo4j is already running (pid $pid)" >&2; print_env; return 0
    fi
    rm -f "$PID_FILE"
    port_in_use "$BOLT_PORT" \
        && die "port $BOLT_PORT is already in use (is another Neo4j running? set NEO4J_BOLT_PORT)"
    write_conf
    ensure_password
    # Same command line the official boot loader builds (`neo4j console --dry-run`),
    # plus the usual JVM flags from Neo4j's default neo4j.conf.
    nohup java -Xms"$HEAP" -Xmx"$HEAP" \
        -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC \
        -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
        --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -Dlog4j2.disable.jmx=true \
        -Dfile.encoding=UTF-8 -cp "$HOME_DIR/conf/*:$LIB/*" org.neo4j.server.CommunityEntryPoint \
        --home-dir="$HOME_DIR" --config-dir="$HOME_DIR/conf" --console-mode \
        >"$CONSOLE_LOG" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$PID_FILE"
    echo "starting Neo4j $VERSION (pid $pid, log $CONSOLE_LOG) ..." >&2
    local deadline=$(( SECONDS + ${NEO4J_START_TIMEOUT:-120} ))
    until bolt_ready; do
        kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; startup_failed "Neo4j exited during startup"; }
        (( SECONDS < deadline )) || { cmd_stop >/dev/null 2>&1 || true;
            startup_failed "Neo4j did not answer on Bolt port $BOLT_PORT within ${NEO4J_START_TIMEOUT:-120}s"; }
        sleep 1
    done
    print_env
}

cmd_stop() {
    local pid killed=
    if ! pid="$(running_pid)"; then
        rm -f "$PID_FILE"; echo "Neo4j is not running" >&2; return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$(( SECONDS + ${NEO4J_STOP_TIMEOUT:-60} ))
    while kill -0 "$pid" 2>/dev/null; do
        if (( SECONDS >= deadline )) && [[ -z "${killed:-}" ]]; then
            echo "neo4j.sh: Neo4j (pid $pid) did not stop in time; killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true; killed=1
        fi
        sleep 0.5
    done
    rm -f "$PID_FILE"
    echo "Neo4j stopped" >&2
}

cmd_status() {
    local pid
    if pid="$(running_pid)"; then
        echo "running (pid $pid, bolt://127.0.0.1:$BOLT_PORT, home $HOME_DIR)"
    else
        echo "not running"; exit 3
    fi
}

case "${1:-}" in
    install) cmd_install ;;
    start)   cmd_start ;;
    stop)    cmd_stop ;;
    status)  cmd_status ;;
    lock)    require_tools; cmd_lock ;;
    admin)   shift; cmd_install; write_conf; run_admin "$@" ;;
    *) echo "usage: scripts/neo4j.sh {install|start|stop|status|admin ARGS...|lock}" >&2; exit 2 ;;
esac

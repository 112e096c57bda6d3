#!/usr/bin/env bash
# ROBOT (the OBO ontology tool) from the jars Maven Central publishes, checksum-verified and
# cached in .cache/robot/<version>/lib, the way scripts/neo4j.sh fetches Neo4j.
#
#   scripts/robot.sh install        fetch + verify the jars (no-op when cached and intact)
#   scripts/robot.sh run ARGS...    run ROBOT, e.g. run validate-profile --profile DL --input x.ttl
#   scripts/robot.sh lock           rewrite tools/robot/jars.sha256 (after a version bump)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POM="$ROOT/tools/robot/pom.xml"
MANIFEST="$ROOT/tools/robot/jars.sha256"
VERSION="$(sed -n 's:.*<robot.version>\(.*\)</robot.version>.*:\1:p' "$POM")"
CACHE="$ROOT/.cache/robot/$VERSION"
LIB="$CACHE/lib"

die() { echo "robot.sh: $*" >&2; exit 1; }

require_java() {
    command -v java >/dev/null 2>&1 || die "Java 17+ is required for ROBOT: install openjdk-17-jre-headless"
    local v major
    v="$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
    major="${v%%.*}"
    if ! [[ "$major" =~ ^[0-9]+$ ]] || (( major < 17 )); then
        die "Java 17+ is required for ROBOT: install openjdk-17-jre-headless (found '${v:-unknown}')"
    fi
}

verify_jars() {
    local dir="$1" what="${2:-$1}"
    [[ -f "$MANIFEST" ]] || die "missing $MANIFEST: run 'scripts/robot.sh lock' to create it"
    if ! (cd "$dir" && sha256sum --quiet --strict -c "$MANIFEST" >/dev/null 2>&1) \
        || [[ "$(find "$dir" -mindepth 1 -printf '%f\n' | sort)" != "$(awk '{print $2}' "$MANIFEST" | sort)" ]]; then
        die "ROBOT $VERSION jars in $what do not match tools/robot/jars.sha256 (corrupt download, or the version changed: after a deliberate bump run 'scripts/robot.sh lock')"
    fi
}

fetch_jars() {
    command -v mvn >/dev/null 2>&1 || die "Maven is required to fetch ROBOT: install maven"
    mkdir -p "$CACHE"
    local tmp; tmp="$(mktemp -d "$CACHE/.download.XXXXXX")"
    trap 'rm -rf "$tmp"; rmdir "$CACHE" 2>/dev/null || true' EXIT
    echo "fetching ROBOT $VERSION jars with Maven ..." >&2
    if ! mvn -q -B -Dstyle.color=never -f "$POM" --strict-checksums dependency:copy-dependencies \
            -DoutputDirectory="$tmp/lib" >"$tmp/mvn.log" 2>&1; then
        die "could not fetch ROBOT $VERSION from Maven Central: $(sed 's/\x1b\[[0-9;]*m//g' "$tmp/mvn.log" \
            | grep '^\[ERROR\]' | grep -v -e 'Help' -e 'full stack trace' -e 'Re-run Maven' \
            -e 'For more information' -e '^\[ERROR\] *$' | head -n 1 | tr -s '\n\t ' ' ')"
    fi
    [[ "${1:-}" == "--no-verify" ]] || verify_jars "$tmp/lib" "the fresh download"
    mv -T "$tmp/lib" "$LIB" 2>/dev/null || [[ -d "$LIB" ]] || die "could not move jars into $LIB"
    rm -rf "$tmp"; trap - EXIT
}

cmd_install() {
    require_java
    if [[ -d "$LIB" ]]; then verify_jars "$LIB"; return 0; fi
    fetch_jars
    echo "ROBOT $VERSION installed in $LIB" >&2
}

cmd_lock() {
    require_java
    [[ -d "$LIB" ]] || fetch_jars --no-verify
    (cd "$LIB" && sha256sum -- *.jar) >"$MANIFEST"
    echo "wrote $(wc -l <"$MANIFEST") checksums for ROBOT $VERSION to $MANIFEST" >&2
}

case "${1:-}" in
    install) cmd_install ;;
    run)     shift; cmd_install
             exec java -Xmx${ROBOT_HEAP:-1g} -cp "$LIB/*" org.obolibrary.robot.CommandLineInterface "$@" ;;
    lock)    cmd_lock ;;
    *) echo "usage: scripts/robot.sh {install|run ARGS...|lock}" >&2; exit 2 ;;
esac

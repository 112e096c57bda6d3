#!/usr/bin/env bash
# Cypher Shell from Maven Central (the server's version, checksum-verified, cached in
# .cache/neo4j/), so that tests run the Docker health check's own command here.
#
#   scripts/cypher-shell.sh install   fetch and verify the jars
#   scripts/cypher-shell.sh lock      rewrite neo4j/cypher-shell/jars.sha256 (after a bump)
#   scripts/cypher-shell.sh ARGS...   run cypher-shell (installs first when needed)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POM="$ROOT/neo4j/cypher-shell/pom.xml"
MANIFEST="$ROOT/neo4j/cypher-shell/jars.sha256"
VERSION="$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$ROOT/neo4j/pom.xml")"
LIB="$ROOT/.cache/neo4j/cypher-shell-$VERSION/lib"

die() { echo "cypher-shell.sh: $*" >&2; exit 1; }

matches() {
    (cd "$1" && sha256sum --quiet --strict -c "$MANIFEST" >/dev/null 2>&1) \
        && [[ "$(ls "$1" | sort)" == "$(awk '{print $2}' "$MANIFEST" | sort)" ]]
}

fetch() {
    command -v mvn >/dev/null 2>&1 || die "Maven is required to fetch cypher-shell: install maven"
    local tmp; tmp="$(mktemp -d)"
    trap 'rm -rf "${tmp:-}"; trap - RETURN' RETURN
    echo "fetching cypher-shell $VERSION with Maven ..." >&2
    mvn -q -B -Dstyle.color=never -f "$POM" --strict-checksums -Dneo4j.version="$VERSION" \
        dependency:copy-dependencies -DoutputDirectory="$tmp/lib" >"$tmp/mvn.log" 2>&1 \
        || die "could not fetch cypher-shell $VERSION from Maven Central: $(tail -n 3 "$tmp/mvn.log" | tr -s '\n ' ' ')"
    if [[ "${1:-}" == "--lock" ]]; then
        (cd "$tmp/lib" && sha256sum -- *.jar) >"$MANIFEST"
    fi
    matches "$tmp/lib" || die "cypher-shell $VERSION jars do not match $MANIFEST (after a deliberate bump run 'scripts/cypher-shell.sh lock')"
    mkdir -p "$(dirname "$LIB")"
    rm -rf "$LIB"
    mv "$tmp/lib" "$LIB"
}

install() {
    command -v java >/dev/null 2>&1 || die "Java 17+ is required"
    if [[ -d "$LIB" ]] && matches "$LIB"; then return 0; fi
    fetch
}

case "${1:-}" in
    install) install ;;
    lock) fetch --lock ;;
    *) install; exec java -cp "$LIB/*" org.neo4j.shell.Main "$@" ;;
esac

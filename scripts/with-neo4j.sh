#!/usr/bin/env bash
# Run a command against Neo4j: the server named by NEO4J_URI if set (nothing is started),
# otherwise a local server started by scripts/neo4j.sh and stopped again when the command
# ends (also on Ctrl-C). Usage: scripts/with-neo4j.sh COMMAND [ARGS...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [[ -n "${NEO4J_URI:-}" ]]; then
  echo "using the Neo4j at ${NEO4J_URI} (NEO4J_URI is set; starting nothing)" >&2
  unset SMEKG_STARTED_NEO4J
  exec "$@"
fi

export NEO4J_HOME_DIR="${NEO4J_HOME_DIR:-.cache/neo4j/run}"
stop() { trap - EXIT; "$here/neo4j.sh" stop >&2 || true; }
trap stop EXIT
trap 'exit 130' INT TERM
"$here/neo4j.sh" start >&2
set -a
# shellcheck disable=SC1091
source "$NEO4J_HOME_DIR/env"
set +a
# The server this script started: the tests may claim it as theirs (tests/conftest.py), never
# a server named by an exported NEO4J_URI.
export SMEKG_STARTED_NEO4J="$NEO4J_URI"
status=0
"$@" || status=$?
exit "$status"

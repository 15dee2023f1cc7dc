#!/usr/bin/env bash
# Builds the services and the suite, then runs every reliability scenario against a real broker,
# each service a separate process; the results table goes to reliability/target/reliability-run/
# results.md and, for a full run of every scenario, into RELIABILITY.md.
#   reliability/run.sh                 every scenario, full size
#   reliability/run.sh --quick         reduced sizes, a smoke test of the suite
#   reliability/run.sh --only fault-schedule,ssrf
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl reliability,event-router,delivery-worker,management-api -am package -DskipTests
exec java -Xmx1g -jar reliability/target/reliability.jar "$@"

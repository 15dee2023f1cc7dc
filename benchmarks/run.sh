#!/usr/bin/env bash
# Builds the services and the benchmarks, then runs the suite (about 9 minutes on 2 cores, plus the build).
#   benchmarks/run.sh             the full suite; results in benchmarks/target/bench-run/results.md
#   benchmarks/run.sh --quick     smaller runs, a smoke test (about 4 minutes)
#   benchmarks/run.sh --only e2e,isolation --no-jfr
# Figures are only worth quoting on a quiet machine: the harness prints the load average and
# the Maven builds running at the start and at the end of the run.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
exec java -Xmx2g -jar benchmarks/target/benchmarks.jar "$@"

#!/usr/bin/env bash
# Regenerates the README's picture of the console (docs/console.png): runs the browser test on the
# whole stack, which photographs every page into console-tests/target/screenshots/, and copies the
# top of a webhook's page (1280 pixels wide). Needs what `mvn -B verify` needs (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl console-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ConsoleIT \
    -Dfailsafe.failIfNoSpecifiedTests=false
cp console-tests/target/screenshots/readme-console.png docs/console.png
echo "docs/console.png updated from console-tests/target/screenshots/ (every page, both sizes, is there)"

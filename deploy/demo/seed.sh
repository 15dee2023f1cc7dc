#!/usr/bin/env bash
# Seeds the compose stack's demo organization: its signing secret (DEMO_SECRET, the one the demo
# receiver verifies with) and three webhooks on the demo receiver. Safe to run again: every command
# replaces what it wrote before.
set -euo pipefail

cli=(java -jar /app/mediahooks-cli.jar)
org=org_demo
receiver=http://receiver:8000

"${cli[@]}" secret set --org "$org" --value "${DEMO_SECRET:?DEMO_SECRET is not set}" --secret-id sec_demo --replace
"${cli[@]}" webhook put --id wh_demo --org "$org" --url "$receiver/hooks/all" --events ALL \
    --description "demo: every event"
"${cli[@]}" webhook put --id wh_sports --org "$org" --url "$receiver/hooks/sports" --events VIDEO_READY,VIDEO_UPDATED \
    --has-tag sports --description "demo: sports videos only"
"${cli[@]}" webhook put --id wh_failing --org "$org" --url "$receiver/fail" --events VIDEO_READY \
    --description "demo: always answers 503, so its deliveries are retried and then dead-lettered"
echo "demo organization $org seeded"

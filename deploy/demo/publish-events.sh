#!/usr/bin/env bash
# Publishes a sample media event for the demo organization every DEMO_EVENT_INTERVAL seconds
# (default 5), until stopped. Each run of the CLI is a fresh JVM, which keeps the rate modest.
set -euo pipefail

cli=(java -jar /app/mediahooks-cli.jar)
types=(VIDEO_READY VIDEO_READY VIDEO_UPDATED PLAYLIST_CREATED LIVESTREAM_CONNECTED)
tag_sets=("sports,highlights" news sports music "")
interval="${DEMO_EVENT_INTERVAL:-5}"

trap 'exit 0' TERM INT
while true; do
    type="${types[RANDOM % ${#types[@]}]}"
    tags="${tag_sets[RANDOM % ${#tag_sets[@]}]}"
    args=(event publish --org org_demo --type "$type" --payload "{\"id\":\"vid_$RANDOM\",\"name\":\"demo\"}")
    if [[ -n "$tags" ]]; then
        args+=(--tags "$tags")
    fi
    "${cli[@]}" "${args[@]}" || echo "publishing failed; trying again" >&2
    sleep "$interval" &
    wait $!
done

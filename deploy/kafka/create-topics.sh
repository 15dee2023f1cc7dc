#!/usr/bin/env bash
# Creates every mediahooks topic on the compose broker, idempotently (--if-not-exists), before the
# services start. The services would create missing topics themselves (SPEC.md, Topics); doing it
# once here makes partitions and compaction explicit and keeps replicas from racing each other.
# Reads the same settings as the services: KAFKA_BOOTSTRAP_SERVERS, MEDIAHOOKS_TOPIC_PARTITIONS,
# MEDIAHOOKS_TOPIC_REPLICATION_FACTOR, MEDIAHOOKS_RETRY_SCHEDULE and the MEDIAHOOKS_TOPIC_* names.
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}"
partitions="${MEDIAHOOKS_TOPIC_PARTITIONS:-12}"
replication="${MEDIAHOOKS_TOPIC_REPLICATION_FACTOR:-}"
schedule="${MEDIAHOOKS_RETRY_SCHEDULE:-5s,5m,30m,2h,5h,10h,10h}"
retry_prefix="${MEDIAHOOKS_TOPIC_RETRY_PREFIX:-webhook-retry-}"
topics_tool="${TOPICS_TOOL:-/opt/kafka/bin/kafka-topics.sh}"

# The retry topic suffix for one delay, in the shortest form (300s -> 5m), as the services name it
# (common-model Durations.format).
label() {
    local text="${1//[[:space:]]/}" amount unit millis seconds
    if [[ ! "$text" =~ ^([0-9]{1,9})(ms|s|m|h|d)$ ]]; then
        echo "MEDIAHOOKS_RETRY_SCHEDULE: '$text' is not a delay such as 5s, 30m or 2h" >&2
        return 1
    fi
    amount=$((10#${BASH_REMATCH[1]}))
    unit="${BASH_REMATCH[2]}"
    case "$unit" in
        ms) millis=$amount ;;
        s) millis=$((amount * 1000)) ;;
        m) millis=$((amount * 60000)) ;;
        h) millis=$((amount * 3600000)) ;;
        d) millis=$((amount * 86400000)) ;;
    esac
    if ((millis == 0)); then
        echo "MEDIAHOOKS_RETRY_SCHEDULE: '$text' must be greater than zero" >&2
        return 1
    fi
    if ((millis % 1000 != 0)); then echo "${millis}ms"; return; fi
    seconds=$((millis / 1000))
    if ((seconds % 86400 == 0)); then echo "$((seconds / 86400))d"
    elif ((seconds % 3600 == 0)); then echo "$((seconds / 3600))h"
    elif ((seconds % 60 == 0)); then echo "$((seconds / 60))m"
    else echo "${seconds}s"
    fi
}

create() {
    local name="$1"; shift
    local args=(--bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" --partitions "$partitions")
    if [[ -n "$replication" ]]; then
        args+=(--replication-factor "$replication")
    fi
    "$topics_tool" "${args[@]}" "$@"
    echo "topic $name ready"
}

retry_topics=()
IFS=',' read -r -a delays <<<"$schedule"
for delay in "${delays[@]}"; do
    retry_topics+=("${retry_prefix}$(label "$delay")")
done

create "${MEDIAHOOKS_TOPIC_MEDIA_EVENTS:-media-events}"
create "${MEDIAHOOKS_TOPIC_MEDIA_EVENTS_INVALID:-media-events-invalid}"
create "${MEDIAHOOKS_TOPIC_SUBSCRIPTIONS:-webhook-subscriptions}" --config cleanup.policy=compact
create "${MEDIAHOOKS_TOPIC_SECRETS:-webhook-secrets}" --config cleanup.policy=compact
create "${MEDIAHOOKS_TOPIC_DELIVERIES:-webhook-deliveries}"
create "${MEDIAHOOKS_TOPIC_DEAD_LETTERS:-webhook-dead-letters}"
create "${MEDIAHOOKS_TOPIC_ATTEMPTS:-webhook-attempts}"
# Each distinct delay once.
for topic in $(printf '%s\n' "${retry_topics[@]}" | sort -u); do
    create "$topic"
done

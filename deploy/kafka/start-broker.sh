#!/usr/bin/env bash
# Starts the compose stack's broker from server.properties beside this script. The image's own
# entrypoint is bypassed on purpose: it builds the configuration from KAFKA_* environment
# variables with defaults of its own, and a plain properties file is easier to read and diff.
set -euo pipefail

config="$(dirname "$0")/server.properties"
# A fixed id: the data volume is formatted once and kept across restarts.
cluster_id="${CLUSTER_ID:-bWVkaWFob29rcy1kZXYtMQ}"

/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$cluster_id" --config "$config"
exec /opt/kafka/bin/kafka-server-start.sh "$config"

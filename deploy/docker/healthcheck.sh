#!/usr/bin/env bash
# Container health check: GET a management endpoint (default /health/ready) on this host and
# succeed on 200 only. Uses bash's /dev/tcp because the JRE base image promises no curl or wget.
set -euo pipefail

path="${1:-/health/ready}"
port="${MEDIAHOOKS_MANAGEMENT_PORT:-8080}"

exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 4 status <&3
[[ "$status" =~ ^HTTP/1\.[01]\ 200\  ]]

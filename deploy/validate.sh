#!/usr/bin/env bash
# Checks everything under deploy/ and docker-compose.yml that can be checked without Docker or a
# cluster. Exits non-zero if any check fails; a check whose tool is missing is reported as
# skipped (install hints below). Run from anywhere: bash deploy/validate.sh
#
# Tools: python3 with PyYAML (apt-get install -y python3-yaml), docker-compose or `docker compose`
# (apt-get install -y docker-compose: it parses without a daemon), promtool (apt-get install -y
# prometheus), kubectl (for kustomize). Optional: shellcheck.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
failed=0
skipped=0

pass() { printf 'ok    %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; failed=$((failed + 1)); }
skip() { printf 'skip  %s\n' "$1"; skipped=$((skipped + 1)); }

# run NAME COMMAND...: runs the command, shows its output only when it fails.
run() {
    local name="$1" output
    shift
    if output="$("$@" 2>&1)"; then
        pass "$name"
    else
        fail "$name"
        printf '%s\n' "$output" | sed 's/^/      /'
    fi
}

if ! python3 -c 'import yaml' 2>/dev/null; then
    echo "python3 with PyYAML is required (apt-get install -y python3-yaml)" >&2
    exit 2
fi

# 1. Every YAML and JSON file parses.
run "YAML well-formed (docker-compose.yml, deploy/**/*.yml|yaml)" python3 - <<'EOF'
import pathlib, sys, yaml
files = [pathlib.Path("docker-compose.yml")] + sorted(p for p in pathlib.Path("deploy").rglob("*") if p.suffix in (".yml", ".yaml"))
bad = 0
for path in files:
    try:
        list(yaml.safe_load_all(path.read_text()))
    except yaml.YAMLError as e:
        print(f"{path}: {e}")
        bad += 1
sys.exit(1 if bad else 0)
EOF
run "JSON well-formed (deploy/**/*.json)" python3 - <<'EOF'
import json, pathlib, sys
bad = 0
for path in sorted(pathlib.Path("deploy").rglob("*.json")):
    try:
        json.loads(path.read_text())
    except ValueError as e:
        print(f"{path}: {e}")
        bad += 1
sys.exit(1 if bad else 0)
EOF

# 2. The compose file, as Compose itself reads it.
if docker compose version >/dev/null 2>&1; then
    run "docker compose config" docker compose -f docker-compose.yml config -q
elif command -v docker-compose >/dev/null 2>&1; then
    run "docker-compose config" docker-compose -f docker-compose.yml config -q
else
    skip "docker compose config (no docker compose / docker-compose)"
fi

# 3. Prometheus configuration, alert rules and their unit tests.
if command -v promtool >/dev/null 2>&1; then
    run "promtool check config deploy/prometheus/prometheus.yml" promtool check config deploy/prometheus/prometheus.yml
    run "promtool check rules deploy/prometheus/alerts.yml" promtool check rules deploy/prometheus/alerts.yml
    run "promtool test rules deploy/prometheus/alerts.test.yml" promtool test rules deploy/prometheus/alerts.test.yml
else
    skip "promtool checks (no promtool: apt-get install -y prometheus)"
fi

# 4. The Kubernetes copies of the rules and the dashboard are up to date.
run "Kubernetes PrometheusRule and dashboard in sync" python3 deploy/sync-observability.py --check

# 5. The Kubernetes manifests render with kustomize and pass the structural checks.
if command -v kubectl >/dev/null 2>&1; then
    rendered="$(mktemp)"
    trap 'rm -f "$rendered"' EXIT
    if kubectl kustomize deploy/kubernetes >"$rendered" 2>&1; then
        pass "kubectl kustomize deploy/kubernetes"
        run "manifests: probes, resources, security, KEDA bounds" python3 deploy/check-deploy.py manifests "$rendered"
    else
        fail "kubectl kustomize deploy/kubernetes"
        sed 's/^/      /' "$rendered"
    fi
else
    skip "kustomize render and manifest checks (no kubectl)"
fi
run "secret.example.yaml is a Secret named mediahooks-kafka" python3 - <<'EOF'
import sys, yaml
doc = yaml.safe_load(open("deploy/kubernetes/secret.example.yaml"))
sys.exit(0 if doc["kind"] == "Secret" and doc["metadata"]["name"] == "mediahooks-kafka"
         and {"username", "password", "ca.crt"} <= set(doc["stringData"]) else 1)
EOF

# 6. Environment keys in compose and Kubernetes are ones the services read.
run "settings: compose and Kubernetes keys are read by the services" python3 deploy/check-deploy.py settings

# 7. Shell scripts.
scripts=(deploy/validate.sh deploy/docker/healthcheck.sh deploy/kafka/start-broker.sh deploy/kafka/create-topics.sh
         deploy/demo/seed.sh deploy/demo/publish-events.sh)
for script in "${scripts[@]}"; do
    run "bash -n $script" bash -n "$script"
done
if command -v shellcheck >/dev/null 2>&1; then
    run "shellcheck" shellcheck "${scripts[@]}"
else
    skip "shellcheck (not installed)"
fi

echo
if ((failed > 0)); then
    echo "$failed check(s) failed, $skipped skipped"
    exit 1
fi
echo "all checks passed ($skipped skipped)"

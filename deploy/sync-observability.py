#!/usr/bin/env python3
"""Keeps the Kubernetes copies of the alert rules and the dashboard in step with their sources.

Sources (edit these):                 Generated (never edit by hand):
  deploy/prometheus/alerts.yml          deploy/kubernetes/monitoring/prometheusrule.yaml
  deploy/grafana/dashboards/*.json      deploy/kubernetes/monitoring/mediahooks-dashboard.json

Kustomize cannot read files outside deploy/kubernetes/, hence the copies.

  python3 deploy/sync-observability.py          rewrites the generated files
  python3 deploy/sync-observability.py --check  exits 1 if they are out of date (validate.sh runs this)
"""
import pathlib
import sys

import yaml

DEPLOY = pathlib.Path(__file__).resolve().parent
ALERTS = DEPLOY / "prometheus" / "alerts.yml"
DASHBOARD = DEPLOY / "grafana" / "dashboards" / "mediahooks.json"
PROMETHEUS_RULE = DEPLOY / "kubernetes" / "monitoring" / "prometheusrule.yaml"
DASHBOARD_COPY = DEPLOY / "kubernetes" / "monitoring" / "mediahooks-dashboard.json"

HEADER = """\
# GENERATED from deploy/prometheus/alerts.yml by deploy/sync-observability.py: edit that file,
# then run the script. The rules of the compose stack's Prometheus, as a Prometheus Operator
# PrometheusRule. Add the label your Prometheus selects rules by (kube-prometheus-stack:
# release: <its release name>).
"""


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, text):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _str)


def prometheus_rule():
    rules = yaml.safe_load(ALERTS.read_text())
    resource = {
        "apiVersion": "monitoring.coreos.com/v1",
        "kind": "PrometheusRule",
        "metadata": {"name": "mediahooks", "labels": {"app.kubernetes.io/part-of": "mediahooks"}},
        "spec": {"groups": rules["groups"]},
    }
    return HEADER + yaml.dump(resource, Dumper=_Dumper, sort_keys=False, width=110)


def main(check):
    wanted = {PROMETHEUS_RULE: prometheus_rule(), DASHBOARD_COPY: DASHBOARD.read_text()}
    stale = [path for path, text in wanted.items() if not path.exists() or path.read_text() != text]
    if check:
        for path in stale:
            print(f"{path.relative_to(DEPLOY.parent)} is out of date: run python3 deploy/sync-observability.py")
        return 1 if stale else 0
    for path in stale:
        path.write_text(wanted[path])
        print(f"wrote {path.relative_to(DEPLOY.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv[1:]))

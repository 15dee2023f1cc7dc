#!/usr/bin/env python3
"""Checks of the deploy files that no off-the-shelf tool makes, run by deploy/validate.sh.

  check-deploy.py settings            every MEDIAHOOKS_* / KAFKA_* key in docker-compose.yml and
                                      the Kubernetes manifests is one the service it is given to
                                      reads (keys taken from the Setting constants in the Java
                                      sources; MEDIAHOOKS_KAFKA_* are Kafka client pass-throughs)
  check-deploy.py manifests FILE      the rendered manifests (kubectl kustomize output): probes on
                                      the health endpoints, resources, non-root, read-only root,
                                      KEDA bounds in step with the ConfigMaps
  check-deploy.py keys                prints every key used, per service (for the docs)

A quick guard for editing the deploy files; the Java build's own consistency test is the
authority on settings.
"""
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
KUBERNETES = ROOT / "deploy" / "kubernetes"
PASS_THROUGH = "MEDIAHOOKS_KAFKA_"
CHECKED = re.compile(r"^(MEDIAHOOKS_|KAFKA_)")
SETTING = re.compile(r'Setting\.(?:of|required)\(\s*"([A-Z0-9_]+)"')

# Which Java sources define the settings each kind of process reads.
SOURCES = {
    "common": ["service-runtime/src/main/java"],
    "router": ["service-runtime/src/main/java", "event-router/src/main/java"],
    "worker": ["service-runtime/src/main/java", "delivery-worker/src/main/java"],
    "api": ["service-runtime/src/main/java", "management-api/src/main/java"],
}
# Compose services and what they run; the others (Kafka, Prometheus, Grafana) read no mediahooks
# settings.
COMPOSE_SERVICES = {"router": "router", "worker": "worker", "api": "api", "topics": "common", "demo-seed": "common",
                    "demo-events": "common", "receiver": "common"}
# Kubernetes workloads and ConfigMaps. The shared ConfigMap goes to both services.
K8S_CONFIGMAPS = {"mediahooks-common": "common", "mediahooks-router": "router", "mediahooks-worker": "worker",
                  "mediahooks-api": "api"}
K8S_WORKLOADS = {"mediahooks-router": "router", "mediahooks-worker": "worker", "mediahooks-api": "api"}


def known_settings():
    known = {}
    for kind, folders in SOURCES.items():
        keys = set()
        for folder in folders:
            for source in (ROOT / folder).rglob("*.java"):
                keys.update(SETTING.findall(source.read_text(encoding="utf-8")))
        known[kind] = keys
    return known


def kubernetes_documents():
    for path in sorted(KUBERNETES.rglob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text()):
            if document:
                yield path, document


def used_keys():
    """(place, kind, key) for every environment key handed to a mediahooks process."""
    compose = yaml.safe_load(COMPOSE.read_text())
    for name, service in compose["services"].items():
        environment = service.get("environment") or {}
        keys = environment.keys() if isinstance(environment, dict) else [e.split("=", 1)[0] for e in environment]
        kind = COMPOSE_SERVICES.get(name)
        for key in keys:
            if CHECKED.match(key):
                yield f"docker-compose.yml services.{name}", kind, key
    for path, document in kubernetes_documents():
        name = document.get("metadata", {}).get("name")
        where = f"{path.relative_to(ROOT)} {document.get('kind')}/{name}"
        if document.get("kind") == "ConfigMap" and name in K8S_CONFIGMAPS:
            for key in document.get("data", {}):
                yield where, K8S_CONFIGMAPS[name], key
        elif document.get("kind") in ("Deployment", "StatefulSet"):
            for container in document["spec"]["template"]["spec"]["containers"]:
                for variable in container.get("env", []):
                    if CHECKED.match(variable["name"]):
                        yield where, K8S_WORKLOADS.get(name), variable["name"]


def check_settings():
    known = known_settings()
    if not known["router"] - known["common"] or not known["worker"] - known["common"]:
        print("settings: the services' config classes are not there yet; nothing to compare")
        return 0
    readers = {"common": known["router"] & known["worker"] & known["api"], "router": known["router"],
               "worker": known["worker"], "api": known["api"]}
    errors = []
    for where, kind, key in used_keys():
        if kind is None:
            errors.append(f"{where}: {key} is given to a process that reads no mediahooks settings")
        elif key.startswith(PASS_THROUGH):
            if len(key) == len(PASS_THROUGH):
                errors.append(f"{where}: {key} names no Kafka property")
        elif key not in readers[kind]:
            errors.append(f"{where}: {key} is not read by the {kind} settings")
    for error in errors:
        print("settings: " + error)
    if not errors:
        print("settings: every MEDIAHOOKS_*/KAFKA_* key in compose and Kubernetes is read by its service")
    return 1 if errors else 0


def print_keys():
    by_kind = {}
    for _, kind, key in used_keys():
        by_kind.setdefault(kind, set()).add(key)
    for kind in sorted(by_kind, key=str):
        print(f"{kind}: {' '.join(sorted(by_kind[kind]))}")
    return 0


def check_manifests(rendered):
    documents = [d for d in yaml.safe_load_all(pathlib.Path(rendered).read_text()) if d]
    errors = []
    by_kind = {}
    for document in documents:
        by_kind.setdefault(document["kind"], {})[document["metadata"]["name"]] = document
        if document["kind"] != "Namespace" and document["metadata"].get("namespace") != "mediahooks":
            errors.append(f"{document['kind']}/{document['metadata']['name']} is not in namespace mediahooks")
    workloads = {**by_kind.get("Deployment", {}), **by_kind.get("StatefulSet", {})}
    for name, workload in workloads.items():
        pod = workload["spec"]["template"]["spec"]
        security = pod.get("securityContext", {})
        if not security.get("runAsNonRoot"):
            errors.append(f"{name}: pod securityContext.runAsNonRoot is not true")
        for container in pod["containers"]:
            where = f"{name}/{container['name']}"
            for probe, path in (("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live")):
                if container.get(probe, {}).get("httpGet", {}).get("path") != path:
                    errors.append(f"{where}: {probe} does not GET {path}")
            resources = container.get("resources", {})
            for part in ("requests", "limits"):
                if not {"cpu", "memory"} <= set(resources.get(part, {})):
                    errors.append(f"{where}: resources.{part} lacks cpu or memory")
            context = container.get("securityContext", {})
            if not context.get("readOnlyRootFilesystem"):
                errors.append(f"{where}: readOnlyRootFilesystem is not true")
            if context.get("allowPrivilegeEscalation") is not False:
                errors.append(f"{where}: allowPrivilegeEscalation is not false")
            if "ALL" not in context.get("capabilities", {}).get("drop", []):
                errors.append(f"{where}: capabilities are not all dropped")
            mounts = {mount["mountPath"] for mount in container.get("volumeMounts", [])}
            if "/tmp" not in mounts:
                errors.append(f"{where}: no writable /tmp under a read-only root")
    configmaps = by_kind.get("ConfigMap", {})
    common = configmaps.get("mediahooks-common", {}).get("data", {})
    worker = configmaps.get("mediahooks-worker", {}).get("data", {})
    partitions = int(common.get("MEDIAHOOKS_TOPIC_PARTITIONS", "12"))
    for name, scaled in by_kind.get("ScaledObject", {}).items():
        spec = scaled["spec"]
        if spec.get("maxReplicaCount", 100) > partitions:
            errors.append(f"ScaledObject/{name}: maxReplicaCount {spec.get('maxReplicaCount')} is more than "
                          f"MEDIAHOOKS_TOPIC_PARTITIONS {partitions}")
        if spec["scaleTargetRef"]["name"] not in workloads:
            errors.append(f"ScaledObject/{name}: scales {spec['scaleTargetRef']['name']}, which is not in the manifests")
        for trigger in spec["triggers"]:
            group = trigger["metadata"].get("consumerGroup")
            wanted = worker.get("MEDIAHOOKS_WORKER_GROUP_ID", "mediahooks-delivery-worker")
            if trigger["type"] == "kafka" and group != wanted:
                errors.append(f"ScaledObject/{name}: consumerGroup {group} is not MEDIAHOOKS_WORKER_GROUP_ID {wanted}")
            if trigger["metadata"].get("bootstrapServers") != common.get("KAFKA_BOOTSTRAP_SERVERS"):
                errors.append(f"ScaledObject/{name}: bootstrapServers differs from KAFKA_BOOTSTRAP_SERVERS")
    for error in errors:
        print("manifests: " + error)
    if not errors:
        print(f"manifests: {len(documents)} rendered resources pass the structural checks")
    return 1 if errors else 0


def main(args):
    if args[:1] == ["settings"]:
        return check_settings()
    if args[:1] == ["keys"]:
        return print_keys()
    if args[:1] == ["manifests"] and len(args) == 2:
        return check_manifests(args[1])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

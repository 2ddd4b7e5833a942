#!/usr/bin/env bash
# validate -f DIR over a GitOps-like folder of 1,000 documents: one Gateway shared by 3 teams,
# 166 HTTPRoutes (one file each, with its 2 Services, 2 EndpointSlices and a Deployment that is
# skipped), so that every cross-resource check (TE501-TE509) runs on every route.
# Timed in-process (the joined text, as -f DIR joins it) and end to end through the CLI.
# Usage: bench/validate-folder.sh [ROUTES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
routes="${1:-166}"
runs="${2:-11}"
te=bin/traffic-engineer
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dir="$work/gitops"
mkdir -p "$dir/infra"
cat > "$dir/infra/gateway.yaml" <<'YAML'
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared-gateway
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
    - name: http
      port: 80
      protocol: HTTP
      hostname: "*.example.com"
      allowedRoutes:
        namespaces:
          from: Selector
          selector:
            matchLabels:
              shared-gateway-access: "true"
YAML
for team in 0 1 2; do
  mkdir -p "$dir/team-$team"
  printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-%s\n  labels:\n    shared-gateway-access: "true"\n' \
    "$team" > "$dir/team-$team/namespace.yaml"
done
for ((i = 0; i < routes; i++)); do
  team=$((i % 3))
  ns="team-$team"
  {
    cat <<YAML
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: svc-$i
  namespace: $ns
spec:
  parentRefs:
    - name: shared-gateway
      namespace: infra
  hostnames:
    - $ns.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /svc-$i
      backendRefs:
        - name: svc-$i-stable
          port: 8080
          weight: 95
        - name: svc-$i-canary
          port: 8080
          weight: 5
YAML
    for version in stable canary; do
      cat <<YAML
---
apiVersion: v1
kind: Service
metadata:
  name: svc-$i-$version
  namespace: $ns
spec:
  ports:
    - port: 8080
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: svc-$i-$version-x1
  namespace: $ns
  labels:
    kubernetes.io/service-name: svc-$i-$version
addressType: IPv4
endpoints:
  - addresses: ["10.0.$team.$((i % 250))"]
YAML
    done
    cat <<YAML
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-$i
  namespace: $ns
YAML
  } > "$dir/$ns/svc-$i.yaml"
done
documents=$(cat "$dir"/*/*.yaml | grep -c '^kind:')
echo "== $documents documents in $(find "$dir" -name '*.yaml' | wc -l) files"

"$te" validate -f "$dir" -o json > "$work/result.json" || true
echo "== findings: $(grep -c '"code"' "$work/result.json" || true)"
find "$dir" -name '*.yaml' | sort | while read -r f; do echo "---"; cat "$f"; done > "$work/joined.yaml"

echo "== in-process (one JVM, $runs runs; first run is cold)"
java -Xlog:disable -cp target/traffic-engineer.jar bench/ValidateThroughput.java "$work/joined.yaml" "$runs"

echo "== end to end: traffic-engineer validate -f DIR (new JVM each time, median of 5)"
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$te" validate -f "$dir" -o json > /dev/null || true
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
printf '%s ' "${times[@]}"; echo
printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | xargs printf 'median %s ms\n'

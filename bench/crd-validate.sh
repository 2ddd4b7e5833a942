#!/usr/bin/env bash
# Validation against a given CRD (--crd): COUNT copies of the lesson's combined route judged by
# the v1.6.1 standard HTTPRoute CRD from ../shared, in one JVM (default path through both entries,
# then with the CRD cold and warm), then the command line's cold start without and with --crd.
# Usage: bench/crd-validate.sh [COUNT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
runs="${2:-11}"
crd=../shared/gateway-api-crds/v1.6.1/standard/httproutes.yaml
te=bin/traffic-engineer
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f "$crd" ] || { echo "$crd is not beside the project" >&2; exit 2; }

"$te" canary --name task-api-combined --namespace task-api --gateway task-api-gateway \
  --stable-service task-api-stable --canary-service task-api-canary --port 8000 \
  --canary-weight 10 --path-prefix /api/ --protect-header x-api-tier=premium \
  > "$work/one.yaml" 2>/dev/null
for ((i = 0; i < count; i++)); do
  echo "---"
  sed "s/name: task-api-combined/name: task-api-combined-$i/" "$work/one.yaml"
done > "$work/routes.yaml"

echo "== in-process: $count routes"
java -Xlog:disable -cp target/traffic-engineer.jar bench/CrdValidate.java "$work/routes.yaml" "$crd" "$runs"

median() { sort -n | sed -n 3p; }
cold() {
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$te" validate -f "$work/one.yaml" "$@" -o json > /dev/null
    echo $(( ($(date +%s%N) - start) / 1000000 ))
  done | median
}
echo "== cold start, one route (new JVM each time, median of 5)"
echo "without --crd: $(cold) ms"
echo "with --crd:    $(cold --crd "$crd") ms"

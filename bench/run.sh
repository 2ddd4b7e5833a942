#!/usr/bin/env bash
# The performance benchmark of issue 9, run by hand (never by `mvn verify` or CI): cold start of
# traffic-engineer, the Go kubernetes-mcp-server and the Node MCP reference server, interleaved in
# one run; warm per-call latency of validate_route and generate_canary; 10,000 routes in one call;
# peak RSS; the 10,000 routes again with -Xmx64m; idle RSS. Prints a table and writes bench/RESULTS.md.
#
# Usage: bench/run.sh [--rounds=N] [--calls=N] [--throughput-runs=N] [--variants='name=WORDS;...']
#   --variants: the same launcher started otherwise, measured like the default one (cold starts
#   interleaved, warm session, throughput). WORDS: NAME=VALUE sets the environment (TE_CDS=off,
#   JAVA_HOME=...), anything else goes into JAVA_OPTS. The default compares the optimizing
#   compiler, C1 at its usual thresholds, no class data, and Java 25 with its AOT cache when
#   /usr/lib/jvm/temurin-25-jdk-amd64 is installed.
# The comparison servers are installed with npm into bench/node_modules (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
bench="$PWD/bench"
te="$PWD/bin/traffic-engineer"

go_version=0.0.67
node_version=2026.8.31
if [ ! -x "$bench/node_modules/kubernetes-mcp-server-linux-amd64/bin/kubernetes-mcp-server-linux-amd64" ] \
  || [ ! -f "$bench/node_modules/@modelcontextprotocol/server-everything/dist/index.js" ]; then
  echo "bench: installing kubernetes-mcp-server@$go_version and server-everything@$node_version" >&2
  (cd "$bench" && npm install --no-save --no-package-lock --no-audit --no-fund --silent \
    "kubernetes-mcp-server@$go_version" "@modelcontextprotocol/server-everything@$node_version") >&2
fi
go_bin="$bench/node_modules/kubernetes-mcp-server-linux-amd64/bin/kubernetes-mcp-server-linux-amd64"
node_entry="$bench/node_modules/@modelcontextprotocol/server-everything/dist/index.js"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A kubeconfig that points nowhere real: the Go server's first call only reads it.
cat > "$work/kubeconfig" <<'YAML'
apiVersion: v1
kind: Config
clusters:
- name: bench
  cluster: {server: "https://127.0.0.1:1"}
contexts:
- name: bench
  context: {cluster: bench, user: bench, namespace: default}
current-context: bench
users:
- name: bench
  user: {token: bench}
YAML

# The lesson's combined route (canary plus premium protection); builds the jar and its class-data
# archive first when they are missing or stale.
"$te" canary --name task-api-combined --namespace task-api --gateway task-api-gateway \
  --stable-service task-api-stable --canary-service task-api-canary --port 8000 \
  --canary-weight 10 --path-prefix /api/ --protect-header x-api-tier=premium \
  > "$work/route.yaml" 2>/dev/null
routes() {
  for ((i = 0; i < $1; i++)); do
    echo "---"
    sed "s/name: task-api-combined/name: task-api-combined-$i/" "$work/route.yaml"
  done
}
routes 10000 > "$work/routes.yaml"

variants="c2=-XX:TieredStopAtLevel=4;usual C1 thresholds=-XX:CompileThresholdScaling=1;no class data=TE_CDS=off"
java25=/usr/lib/jvm/temurin-25-jdk-amd64
if [ -x "$java25/bin/java" ]; then
  variants+=";java25=JAVA_HOME=$java25"
  # Its AOT cache is made by the launcher's first start with that JDK, before the timing.
  JAVA_HOME="$java25" "$te" serve < bin/training-session.jsonl > /dev/null 2>&1
fi

java_version="$("${TE_JAVA:-java}" -version 2>&1 | sed -n 2p)"
echo "bench: load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs; $java_version" >&2
java -Xlog:disable bench/McpBench.java \
  --te="$te" --go="$go_bin" --kubeconfig="$work/kubeconfig" --node="$node_entry" \
  --route="$work/route.yaml" --routes="$work/routes.yaml" \
  --java-version="$java_version" --out="$bench/RESULTS.md" "--variants=$variants" \
  --te-note="its JVM options: C1 only (-XX:TieredStopAtLevel=1) at a third of its thresholds (-XX:CompileThresholdScaling=0.3), SerialGC, the class-data archive it makes after a build; Java from the PATH" \
  "$@"

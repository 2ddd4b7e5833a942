#!/usr/bin/env bash
# Soak: a server over Streamable HTTP at -Xmx64m, 16 clients calling a mix of tools at a fixed
# pace (5 calls/s each) for 30 minutes; appends calls, errors (must be 0) and RSS at start and end
# to bench/SOAK.md. By hand, not CI; runs at low priority so that it does not starve the machine.
# Usage: bench/soak.sh [MINUTES] [CLIENTS] [CALLS_PER_SECOND_PER_CLIENT]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-30}"
clients="${2:-16}"
rate="${3:-5}"
port="${SOAK_PORT:-18931}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

# The lesson's combined route: the YAML, up to the blank line before the commands.
bin/traffic-engineer canary --name task-api-combined --namespace task-api \
  --gateway task-api-gateway --stable-service task-api-stable --canary-service task-api-canary \
  --port 8000 --canary-weight 10 --path-prefix /api/ --protect-header x-api-tier=premium \
  2>/dev/null | sed '/^$/q' > "$work/route.yaml"

JAVA_OPTS="-Xmx64m" nice -n 19 bin/traffic-engineer serve --http --port "$port" 2>"$work/server.log" &
server=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.2
done
pid="$(pgrep -P "$server" java || echo "$server")"

{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  nice -n 19 java bench/Soak.java "http://127.0.0.1:$port/mcp" "$pid" "$clients" "$minutes" "$rate" "$work/route.yaml"
  echo
  echo "Server stderr lines: $(wc -l < "$work/server.log"); WARN/ERROR lines: $(grep -c 'WARN\|ERROR' "$work/server.log" || true)"
} | tee -a bench/SOAK.md

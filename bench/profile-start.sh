#!/usr/bin/env bash
# Where the CPU goes between launch and the first answer: async-profiler (from Maven Central)
# attached to the default launcher through JAVA_OPTS, several starts merged, summarized by thread,
# by library and by our own start-up steps. Run by hand (never by `mvn verify` or CI); writes
# bench/START-PROFILE.md.
# Usage: bench/profile-start.sh [RUNS] [INTERVAL_MICROS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
interval="${2:-500}"
version=4.2
te="$PWD/bin/traffic-engineer"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jar="$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version-linux-x64.jar"
if [ ! -f "$jar" ]; then
  echo "profile: fetching async-profiler $version from Maven Central" >&2
  mvn -q -B dependency:get -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64" >&2
fi
(cd "$work" && jar xf "$jar" linux-x64/libasyncProfiler.so)
agent="$work/linux-x64/libasyncProfiler.so"

# Builds the jar and its class data first when they are missing or stale, so that no profiled
# start trains an archive (JAVA_OPTS would go into the training run too).
"$te" serve < bin/training-session.jsonl > /dev/null 2>&1

# CPU samples from perf events where the kernel allows them, else the interval timer.
event=cpu
if ! java "-agentpath:$agent=start,event=cpu,file=$work/probe.txt" -version > /dev/null 2>&1 \
  || grep -q "perf_event" "$work/probe.txt" 2>/dev/null; then
  event=itimer
fi
echo "profile: load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs, event $event" >&2
java -Xlog:disable bench/StartProfile.java bench/START-PROFILE.md "$te" "$agent" "$interval" \
  "$runs" "$event"

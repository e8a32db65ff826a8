#!/usr/bin/env bash
# Benchmarks the engine as it runs locally: a throw-away redis-server from redis.conf (AOF on) on
# a free port, the Release build of the app with the Plivo simulator on 127.0.0.1:5100, and
# scripts/bench/Bench.cs driving dispatch -> simulated call -> verify over loopback HTTP.
#   bash scripts/bench.sh [sessions (default 1000)] [concurrency (default 16)]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-redis.sh

work=$(mktemp -d)
redis_port=6390
app_port=5100
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

redis-server ./redis.conf --port "$redis_port" --dir "$work" >"$work/redis.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

api_key="bench-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
dotnet build VoiceOtp.Web -c Release -v quiet -nologo >/dev/null
VoiceOtp__ApiKeys__0="$api_key" \
VoiceOtp__CodeKey="$(head -c 32 /dev/urandom | base64)" \
VoiceOtp__PublicBaseUrl="http://127.0.0.1:$app_port" \
VoiceOtp__MaxCallsPerSession=2 \
Plivo__Simulator=true \
Redis__Configuration="127.0.0.1:$redis_port" \
Jobs__SchedulePollingIntervalMs=1000 \
ASPNETCORE_URLS="http://127.0.0.1:$app_port" \
Logging__LogLevel__Default=Warning \
  dotnet run --project VoiceOtp.Web -c Release --no-build --no-launch-profile >"$work/app.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$app_port/simulator/calls" -H "Authorization: Bearer $api_key" && break
  sleep 0.2
done

echo "machine: $(nproc) cores, $(redis-server --version | grep -o 'v=[0-9.]*'), $(dotnet --version) SDK"
dotnet run scripts/bench/Bench.cs -- "http://127.0.0.1:$app_port" "$api_key" "${1:-1000}" "${2:-16}"

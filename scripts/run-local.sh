#!/usr/bin/env bash
# Runs VoiceOtp locally: Redis from redis.conf with its data in .data/redis, and the web app on
# http://127.0.0.1:5000 with the built-in Plivo simulator. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-redis.sh

mkdir -p .data/redis
redis_port=6380
# Redis requires a password. Set VOICEOTP_REDIS_PASSWORD to reuse a Redis you already run (or to
# keep one across runs); otherwise one is made up for this run. It reaches redis-server on stdin
# and the engine (and redis-cli, as REDISCLI_AUTH) through the environment: never on a command
# line, in a file or on the screen.
export REDISCLI_AUTH="${VOICEOTP_REDIS_PASSWORD:-$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')}"
reply=$(redis-cli -p "$redis_port" ping 2>&1 || true)
if [ "$reply" != PONG ]; then
  if ! echo "$reply" | grep -q "Connection refused"; then
    echo "a Redis already listens on port $redis_port with another password; set VOICEOTP_REDIS_PASSWORD" >&2
    exit 1
  fi
  printf 'requirepass %s\n' "$REDISCLI_AUTH" |
    redis-server ./redis.conf --port "$redis_port" --dir "$PWD/.data/redis" - >.data/redis/redis.out 2>&1 &
  redis_pid=$!
  trap 'kill "$redis_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
fi
redis-cli -p "$redis_port" ping | grep -q PONG

# Secrets for this run only, kept in this process's environment and never written to disk.
# Set VOICEOTP_API_KEY yourself to keep the same key across runs.
api_key=${VOICEOTP_API_KEY:-local-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')}
export VoiceOtp__ApiKeys__0="$api_key"
export VoiceOtp__CodeKey="${VOICEOTP_CODE_KEY:-$(head -c 32 /dev/urandom | base64)}"
export VoiceOtp__PublicBaseUrl="http://127.0.0.1:5000"
export Plivo__Simulator=true
export Demo__Enabled=true
# Local use only: the simulator shows every spoken code, and the dashboard is open to direct
# loopback requests unless Dashboard__Username/Password are set.
export Plivo__AllowSimulator=true
export Dashboard__AllowAnonymousLoopback=true
# Every simulated call waits for a person on the demo page's phone panel (answer, keypad, hang up).
export Plivo__SimulatorInteractive=${PLIVO_SIMULATOR_INTERACTIVE:-true}
export Redis__Configuration="127.0.0.1:$redis_port"
export Redis__Password="$REDISCLI_AUTH"
export ASPNETCORE_URLS="http://127.0.0.1:5000"

cat <<MSG

VoiceOtp is starting on http://127.0.0.1:5000 with the Plivo simulator (no real calls).
Try it in a browser: http://127.0.0.1:5000/demo/ (sign-up page with a simulated phone)
Simulated calls wait for you on that phone: $( [ "$Plivo__SimulatorInteractive" = true ] && echo yes || echo no)
(PLIVO_SIMULATOR_INTERACTIVE=false makes the callee answer by itself, as the curl lines below expect)
Your API key for this run: $api_key

  export KEY=$api_key
  curl -s -X POST http://127.0.0.1:5000/dispatch_otp -H "Authorization: Bearer \$KEY" \\
       -H 'Content-Type: application/json' -d '{"destination_number": "+14155550123"}'
  curl -s "http://127.0.0.1:5000/simulator/calls?to=%2B14155550123" -H "Authorization: Bearer \$KEY"
  curl -s -X POST http://127.0.0.1:5000/verify_otp -H "Authorization: Bearer \$KEY" \\
       -H 'Content-Type: application/json' -d '{"destination_number": "+14155550123", "otp": "<the code you heard>"}'

Jobs dashboard: http://127.0.0.1:5000/hangfire (loopback only unless Dashboard__Username/Password are set)

MSG
# As in the systemd unit: optimised code within seconds under load (README, Benchmarks).
export DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs:-0}"
dotnet run --project VoiceOtp.Web -c Release

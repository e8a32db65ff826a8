#!/usr/bin/env bash
# Benchmarks the published Release engine against a throw-away redis-server started from redis.conf
# (AOF on) and a fast fake Plivo on loopback (scripts/bench/FakePlivo.cs, not the in-process
# simulator), driven by wrk (installed from Debian's packages if missing).
#   bash scripts/bench.sh          32 and 128 connections, 10 s each, per path; prints one table.
#                                  First the engine places BENCH_QUEUED_CALLS (160000) seeded calls
#                                  with pacing off (calls per second), then every path is warmed up
#                                  for BENCH_WARMUP_SECONDS (10) unmeasured: tiered JIT needs that
#                                  long to reach optimised code on 2 busy cores.
#   bash scripts/bench.sh soak     50 dispatches/s for 10 minutes, sampling engine RSS and Redis memory
#   bash scripts/bench.sh verify   only the verify rows (wrong code, unknown number) after their warm-up,
#                                  and the ceiling rows: the quick loop for work on the verify path (~2 min)
#   bash scripts/bench.sh memory   dispatches BENCH_MEMORY_SESSIONS (20000) fresh numbers at
#                                  BENCH_MEMORY_RATE (1000) per second, waits for their calls, and prints
#                                  Redis memory per pending session and by key type (cheap: no seeds)
# Verify sessions are seeded with a known code by scripts/bench/Seed.cs through the engine's own
# store code before the engine starts (no production API is involved). Exits non-zero when any
# request failed. Environment: BENCH_SECONDS (10), BENCH_RIGHT_SEEDS (per row, 200000: more than a 10 s row at 128 clients answers on a fast host).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
seconds=${BENCH_SECONDS:-10}
right_seeds=${BENCH_RIGHT_SEEDS:-200000}
wrong_seeds=80000
queued_calls=${BENCH_QUEUED_CALLS:-160000}
warmup=${BENCH_WARMUP_SECONDS:-10}
bash scripts/ensure-redis.sh
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found; installing it with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
redis_port=$(free_port); app_port=$(free_port); plivo_port=$(free_port)
prefix="voiceotp:{o}:"
rcli() { redis-cli -p "$redis_port" "$@"; }
# Filler keys (with a TTL) up to just over half of the power of two that holds the keys there are
# plus <room>, so that Redis's main and expires dictionaries double now and not during a measurement
# (8-16 MB at once, which a row's bytes per session would carry); the sleep lets Redis finish
# rehashing. The bucket arrays (8-16 B per key each, doubling in steps) stay out of the figures.
grow_dictionaries() {
  local keys table=1
  keys=$(rcli dbsize)
  while [ "$table" -lt $(( keys + $1 )) ]; do table=$(( table * 2 )); done
  [ $(( table / 2 + 1 - keys )) -gt 0 ] || return 0
  rcli eval "for i = 1, tonumber(ARGV[1]) do redis.call('SET', 'bench:filler:' .. i, '1', 'PX', 3600000) end" 0 \
    $(( table / 2 + 1 - keys )) >/dev/null
  sleep 2
}

# A password for this run, given on stdin and through the environment, never on a command line.
# maxmemory is raised for this throw-away Redis only: it holds ~340k seeded verify sessions at once,
# far more pending sessions than the production sizing in redis.conf plans for. AOF everysec stays
# on; RDB snapshots and AOF rewrites are off here because with those seeds each of them forks and
# copies half a gigabyte on the same two cores in the middle of a measurement.
export REDISCLI_AUTH="bench-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
printf 'requirepass %s\n' "$REDISCLI_AUTH" | redis-server ./redis.conf --port "$redis_port" --dir "$work" --maxmemory 2gb --save "" --auto-aof-rewrite-percentage 0 - >"$work/redis.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do rcli ping >/dev/null 2>&1 && break; sleep 0.1; done

echo "building (Release publish, fake Plivo, seeder)..." >&2
dotnet publish VoiceOtp.Web -c Release -o "$work/app" -v quiet -nologo >/dev/null
dotnet build scripts/bench/FakePlivo.cs -c Release -v quiet -nologo >/dev/null
dotnet build scripts/bench/Seed.cs -c Release -v quiet -nologo >/dev/null
dotnet build scripts/bench/Rate.cs -c Release -v quiet -nologo >/dev/null
dotnet build scripts/bench/Ceiling.cs -c Release -v quiet -nologo >/dev/null

# The soak shortens every retention (session 2 min, status and succeeded jobs 1 min), so that its
# 10 minutes reach the steady state where as much expires as is written; a run keeps the defaults.
if [ "$mode" = soak ]; then code_ttl=120; status_retention=60; else code_ttl=600; status_retention=3600; fi
api_key="bench-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
code_key=$(head -c 32 /dev/urandom | base64)
otp=482913
# Number plan (consecutive NANP numbers): dispatch +1415..., right code +1628..., wrong code +1650...,
# unknown +1510..., fixed-rate latency +1408...
right32=16282000000; right128=$((right32 + right_seeds)); wrong=16502000000; unknown=15102000000
if [ "$mode" = verify ]; then
  dotnet run --no-build -c Release scripts/bench/Seed.cs -- "127.0.0.1:$redis_port" "$prefix" "$code_key" "$otp" \
    "$wrong" "$wrong_seeds" >&2
  grow_dictionaries 100000
elif [ "$mode" = run ]; then
  dotnet run --no-build -c Release scripts/bench/Seed.cs -- "127.0.0.1:$redis_port" "$prefix" "$code_key" "$otp" \
    "$right32" "$right_seeds" "$right128" "$right_seeds" "$wrong" "$wrong_seeds" queued 17072000000 "$queued_calls" >&2
  # The seeds leave the dictionaries wherever their count falls; the run adds well under a million keys.
  grow_dictionaries 1000000
fi

dotnet run --no-build -c Release scripts/bench/FakePlivo.cs -- "$plivo_port" >"$work/plivo.out" 2>&1 &
pids+=($!)
# The wrong-code path reuses its seeded numbers many times a run: the per-number limits are raised
# (not turned off, so verify-code.lua still keeps the log) so that it keeps measuring 422s.
VoiceOtp__ApiKeys__0="$api_key" \
VoiceOtp__CodeKey="$code_key" \
VoiceOtp__PublicBaseUrl="http://127.0.0.1:$app_port" \
VoiceOtp__DispatchesPerApiKeyPerMinute=1000000 \
VoiceOtp__CallsPerSecond=0 \
VoiceOtp__CountryHourlyCallLimit=0 \
VoiceOtp__MinConversionRate=0 \
VoiceOtp__DailySpendLimit=0 \
VoiceOtp__DailySpendLimitPerCountry=0 \
Plivo__AuthId=MABENCH0000000000000 Plivo__AuthToken="$(head -c 30 /dev/urandom | base64)" \
Plivo__CallerId=+14155550100 Plivo__BaseUrl="http://127.0.0.1:$plivo_port" \
Redis__Configuration="127.0.0.1:$redis_port" Redis__KeyPrefix="$prefix" Redis__Password="$REDISCLI_AUTH" \
Dashboard__AllowAnonymousLoopback=true \
VoiceOtp__WrongCodesPerNumberPerHour=1000 VoiceOtp__WrongCodesPerNumberPerDay=10000 \
VoiceOtp__CodeTtlSeconds="$code_ttl" VoiceOtp__StatusRetentionSeconds="$status_retention" \
Jobs__SucceededJobRetentionSeconds="$status_retention" \
DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs:-0}" \
ASPNETCORE_URLS="http://127.0.0.1:$app_port" DOTNET_ENVIRONMENT=Production \
  dotnet "$work/app/VoiceOtp.Web.dll" >"$work/app.out" 2>&1 &
app_pid=$!
pids+=($app_pid)
for _ in $(seq 1 150); do
  curl -s -o /dev/null "http://127.0.0.1:$app_port/" && curl -s -o /dev/null "http://127.0.0.1:$plivo_port/count" && break
  sleep 0.2
done
fake_count() { curl -s "http://127.0.0.1:$plivo_port/count"; }
backlog() {
  echo $(( $(rcli zcard "${prefix}calls:ready") + $(rcli zcard "${prefix}calls:leased") + $(rcli zcard "${prefix}calls:posting") ))
}
rss_mb() { echo $(( $(ps -o rss= -p "$app_pid") / 1024 )); }
used_memory() { rcli info memory | grep '^used_memory:' | cut -d: -f2 | tr -d '\r'; }
commands() { rcli info commandstats | grep -o 'calls=[0-9]*' | cut -d= -f2 | awk '{s += $1} END {print s + 0}'; }
evalshas() { rcli info commandstats | grep '^cmdstat_evalsha:' | grep -o 'calls=[0-9]*' | cut -d= -f2 | awk '{s += $1} END {print s + 0}'; }
calc() { awk "BEGIN { print $* }"; }
# CPU seconds used so far: the engine's (or the ceiling's) from /proc (user + system), Redis's from INFO cpu (all threads).
engine_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/${target_pid:-$app_pid}/stat"; }
redis_cpu() { rcli info cpu | awk -F: '/^used_cpu_(sys|user):/ { s += $2 } END { print s }'; }
echo "machine: $(nproc) cores, $(redis-server --version | grep -o 'v=[0-9.]*'), $(dotnet --version) SDK, $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"

# MEMORY USAGE per key type, each sampled over up to 200 keys and scaled by the keys of that type,
# as bytes per session: "<pattern> <keys> <bytes per key> <bytes per session>". Shared structures
# (the cancel ZSET, the expiry buckets, the API key's minute log) are measured whole.
by_key_type() {
  local sessions=$1 pattern n total k
  for pattern in session:* status:* call:* sid:* guard:rate:number:* guard:rate:apikey-minute:* calls:cancel calls:expiring:*; do
    n=0; total=0
    while read -r k; do
      n=$((n + 1))
      [ "$n" -le 200 ] && total=$((total + $(rcli memory usage "$k" samples 0)))
    done < <(rcli --scan --pattern "${prefix}${pattern}")
    [ "$n" -gt 0 ] || continue
    local sampled=$((n < 200 ? n : 200))
    if [ "$sessions" -gt 0 ]; then
      printf '  %-28s %7s keys %8s B each %6s B per session\n' "$pattern" "$n" $((total / sampled)) \
        $((total / sampled * n / sessions))
    else
      printf '  %-28s %8s B each\n' "$pattern" $((total / sampled))
    fi
  done
}
if [ "$mode" = memory ]; then
  sessions=${BENCH_MEMORY_SESSIONS:-20000}
  per_second=${BENCH_MEMORY_RATE:-1000}
  sessions=$(( sessions / per_second * per_second ))
  # Room for 6 keys per session, twice over.
  grow_dictionaries $(( 12 * sessions ))
  mem0=$(used_memory); keys0=$(rcli dbsize)
  status=0
  dotnet run --no-build -c Release scripts/bench/Rate.cs -- "http://127.0.0.1:$app_port" "$api_key" \
    "http://127.0.0.1:$plivo_port" "$per_second" $((sessions / per_second)) 14084000000 >"$work/memory.out" 2>&1 || true
  # Rate.cs also fails when calls lag its 2 s wait; here only a failed dispatch counts, and a call
  # still missing after the drain below (a cold engine on a busy host may lag, and memory is the point).
  grep -q ' failed 0 ' "$work/memory.out" || status=1
  for _ in $(seq 1 3000); do [ "$(backlog)" -eq 0 ] && [ "$(fake_count)" -ge "$sessions" ] && break; sleep 0.1; done
  [ "$(fake_count)" -ge "$sessions" ] || status=1
  mem1=$(used_memory); keys1=$(rcli dbsize)
  cat "$work/memory.out"
  echo "$sessions sessions dispatched to fresh numbers, $(fake_count) calls placed (the answer's p50/p99 above is dispatch -> Make-a-call)"
  echo "Redis used_memory per pending session: $(( (mem1 - mem0) / sessions )) B," \
    "$(calc "($keys1 - $keys0) / $sessions") keys per session (dictionary bucket arrays excluded, see above)"
  echo "MEMORY USAGE by key type:"
  by_key_type "$sessions"
  exit "$status"
fi

if [ "$mode" = soak ]; then
  soak_seconds=${BENCH_SOAK_SECONDS:-600}
  dotnet run --no-build -c Release scripts/bench/Rate.cs -- "http://127.0.0.1:$app_port" "$api_key" \
    "http://127.0.0.1:$plivo_port" 50 "$soak_seconds" 14083000000 >"$work/soak.out" 2>&1 &
  driver=$!
  printf '%8s %10s %14s %8s %8s\n' elapsed engine_MB redis_used_B keys calls
  for ((t = 0; t <= soak_seconds; t += 30)); do
    printf '%8s %10s %14s %8s %8s\n' "${t}s" "$(rss_mb)" "$(used_memory)" "$(rcli dbsize)" "$(fake_count)"
    sleep 30
  done
  wait "$driver" && status=0 || status=$?
  cat "$work/soak.out"
  exit "$status"
fi

failed=0
# Calls per second: the seeded calls wait in the queue when the engine starts; the fake Plivo's own
# receive times give the rate from its first to its last Make-a-call request.
calls_line="no seeded calls"
if [ "$mode" = run ] && [ "$queued_calls" -gt 0 ]; then
  for _ in $(seq 1 3000); do [ "$(fake_count)" -ge "$queued_calls" ] && break; sleep 0.1; done
  calls_line=$(curl -s "http://127.0.0.1:$plivo_port/calls" | awk -v want="$queued_calls" '
    NR == 1 { first = $1 } { last = $1; n++ }
    END { s = (last - first) / 1000; if (s <= 0) s = 0.001
          printf "%d of %d seeded calls reached the fake Plivo in %.1f s: %.0f calls/s", n, want, s, n / s }')
  [ "$(fake_count)" -ge "$queued_calls" ] || failed=1
fi

rows=()
# run <label> <connections> <path> <first number> <count (0 = fresh numbers)> <otp> <expected status>
# Each row also gives the engine's and Redis's CPU per answered request, in microseconds.
run() {
  local out e0 r0 e1 r1
  e0=$(engine_cpu); r0=$(redis_cpu)
  out=$(BENCH_PATH="$3" BENCH_KEY="$api_key" BENCH_FIRST="$4" BENCH_COUNT="$5" BENCH_OTP="$6" BENCH_EXPECT="$7" \
    BENCH_THREADS=2 wrk -t2 -c"$2" -d"${seconds}s" --timeout 2s -s scripts/bench/wrk.lua "http://127.0.0.1:${target_port:-$app_port}" | grep '^RESULT')
  e1=$(engine_cpu); r1=$(redis_cpu)
  read -r _ requests secs p50 p99 expected other errors mix <<<"$out"
  [ "$other" -eq 0 ] && [ "$errors" -eq 0 ] || failed=1
  rows+=("$(printf '| %-24s | %4s | %9.0f | %7s | %7s | %-28s | %6s | %6.0f | %6.0f |' "$1" "$2" "$(calc "$requests / $secs")" \
    "$p50" "$p99" "$mix" "$((other + errors))" "$(calc "($e1 - $e0) * 1e6 / ($requests + 0.0001)")" \
    "$(calc "($r1 - $r0) * 1e6 / ($requests + 0.0001)")")")
}
check_engine_log() {
  if grep -qiE 'fail:|crit:' "$work/app.out"; then
    echo "the engine logged errors:" >&2; grep -iE -A3 'fail:|crit:' "$work/app.out" | head -20 >&2; failed=1
  fi
}
print_rows() {
  echo
  echo "| path | conns | req/s | p50 ms | p99 ms | status mix | failed | engine CPU µs/req | Redis CPU µs/req |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
}

# The same unknown-number requests to bare Kestrel (scripts/bench/Ceiling.cs), the engine idle:
# no answer can be faster on these cores.
ceiling() {
  local ceiling_port ceiling_pid ceiling_server
  ceiling_port=$(free_port)
  DOTNET_gcServer=0 DOTNET_gcConcurrent=0 dotnet run --no-build -c Release scripts/bench/Ceiling.cs -- "$ceiling_port" >/dev/null 2>&1 &
  ceiling_pid=$!
  pids+=($ceiling_pid)
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$ceiling_port/" && break; sleep 0.2; done
  # dotnet run starts the server as its child; its CPU is the one to count.
  ceiling_server=$(pgrep -P "$ceiling_pid" | head -n 1 || true)
  ceiling_server=${ceiling_server:-$ceiling_pid}
  BENCH_PATH=/verify_otp BENCH_KEY=x BENCH_FIRST="$unknown" BENCH_COUNT=0 BENCH_OTP="$otp" BENCH_EXPECT=404 BENCH_THREADS=2 \
    wrk -t2 -c32 -d"${warmup}s" --timeout 2s -s scripts/bench/wrk.lua "http://127.0.0.1:$ceiling_port" >/dev/null
  target_port=$ceiling_port target_pid=$ceiling_server run "ceiling: bare Kestrel 404" 32 /verify_otp "$unknown" 0 "$otp" 404
  target_port=$ceiling_port target_pid=$ceiling_server run "ceiling: bare Kestrel 404" 128 /verify_otp "$unknown" 0 "$otp" 404
  kill "$ceiling_server" "$ceiling_pid" 2>/dev/null || true
}

# Dispatch: fresh numbers; calls reaching the fake Plivo while the load ran, and the backlog left.
dispatch_rows=()
dispatch() {
  local conns=$1 first=$2 calls0 cmds0 evals0 mem0 keys0 t0 t1 calls1 left drained
  calls0=$(fake_count); cmds0=$(commands); evals0=$(evalshas); mem0=$(used_memory); keys0=$(rcli dbsize)
  t0=$(date +%s.%N)
  run "dispatch (new numbers)" "$conns" /dispatch_otp "$first" 0 "" 200
  t1=$(date +%s.%N)
  calls1=$(fake_count); left=$(backlog)
  local dispatched
  dispatched=$(echo "${rows[-1]}" | grep -o '200:[0-9]*' | cut -d: -f2 || echo 0)
  dispatched=${dispatched:-0}
  drained=0
  for _ in $(seq 1 600); do [ "$(backlog)" -eq 0 ] && break; sleep 0.1; drained=$((drained + 1)); done
  # wrk stops counting with requests still in flight, so up to one more call per connection is fine;
  # a number called twice is not.
  local calls_total=$(( $(fake_count) - calls0 ))
  if [ "$calls_total" -lt "$dispatched" ] || [ "$calls_total" -gt $((dispatched + conns)) ]; then
    echo "dispatched $dispatched (answers counted) but $calls_total calls reached Plivo" >&2; failed=1
  fi
  local doubled
  doubled=$(curl -s "http://127.0.0.1:$plivo_port/calls" | cut -d' ' -f2 | sort | uniq -d | wc -l)
  [ "$doubled" -eq 0 ] || { echo "$doubled numbers were called twice" >&2; failed=1; }
  local per_call=$(( ($(commands) - cmds0) / (dispatched > 0 ? dispatched : 1) ))
  local evals_per=$(calc "($(evalshas) - $evals0) / ($dispatched + 0.0001)")
  local bytes=$(( ($(used_memory) - mem0) / (dispatched > 0 ? dispatched : 1) ))
  local keys=$(calc "($(rcli dbsize) - $keys0) / ($dispatched + 0.0001)")
  dispatch_rows+=("$(printf '| %4s | %9.0f | %7s | %8.1f s | %8s | %6.1f | %5s B | %4.1f |' "$conns" \
    "$(calc "($calls1 - $calls0) / ($t1 - $t0)")" "$left" "$(calc "$drained / 10")" "$per_call" "$evals_per" "$bytes" "$keys")")
}
# Warm-up, unmeasured: dispatch to its own numbers, wrong codes on their own seeds, unknown numbers.
warm() {
  BENCH_PATH="$1" BENCH_KEY="$api_key" BENCH_FIRST="$2" BENCH_COUNT="$3" BENCH_OTP="$4" BENCH_EXPECT="$5" \
    BENCH_THREADS=2 wrk -t2 -c32 -d"${warmup}s" --timeout 2s -s scripts/bench/wrk.lua "http://127.0.0.1:$app_port" >/dev/null
}
if [ "$mode" = verify ]; then
  warm /verify_otp "$wrong" "$wrong_seeds" 111111 422
  warm /verify_otp 15202000000 0 "$otp" 404
  run "verify wrong code" 32 /verify_otp "$wrong" "$wrong_seeds" 111111 422
  run "verify wrong code" 128 /verify_otp "$wrong" "$wrong_seeds" 111111 422
  run "verify unknown number" 32 /verify_otp "$unknown" 0 "$otp" 404
  run "verify unknown number" 128 /verify_otp "$unknown" 0 "$otp" 404
  ceiling
  print_rows
  check_engine_log
  exit "$failed"
fi
warm /dispatch_otp 14162000000 0 "" 200
warm /verify_otp "$wrong" "$wrong_seeds" 111111 422
warm /verify_otp 15202000000 0 "$otp" 404
# The rate-limited row repeats one number: its first five dispatches (200) are spent here.
limited=14154000000
warm /dispatch_otp "$limited" 1 "" 429
for _ in $(seq 1 600); do [ "$(backlog)" -eq 0 ] && break; sleep 0.1; done

dispatch 32 14152000000
# The used_memory delta above also holds the main dictionary's growth when Redis resizes it during
# the run; MEMORY USAGE of each key type (200 sampled keys) shows where a session's bytes are. The
# seeded sessions share those types, so this prints sizes per key only (bench.sh memory scales them).
session_bytes=$(by_key_type 0)
dispatch 128 14153000000
run "verify right code" 32 /verify_otp "$right32" "$right_seeds" "$otp" 200
run "verify right code" 128 /verify_otp "$right128" "$right_seeds" "$otp" 200
run "verify wrong code" 32 /verify_otp "$wrong" "$wrong_seeds" 111111 422
run "verify wrong code" 128 /verify_otp "$wrong" "$wrong_seeds" 111111 422
run "verify unknown number" 32 /verify_otp "$unknown" 0 "$otp" 404
run "verify unknown number" 128 /verify_otp "$unknown" 0 "$otp" 404
# Refusals, which an attacker can make the engine answer at will: a premium-rate number (+1 900),
# refused before Redis, and a number over its hourly dispatch limit, refused from the engine's
# memory of full windows (FullWindows) after admit.lua found it full once.
run "dispatch premium rate" 32 /dispatch_otp 19002000000 0 "" 403
run "dispatch premium rate" 128 /dispatch_otp 19003000000 0 "" 403
run "dispatch rate-limited" 32 /dispatch_otp "$limited" 1 "" 429
run "dispatch rate-limited" 128 /dispatch_otp "$limited" 1 "" 429
ceiling
rate_out=$(dotnet run --no-build -c Release scripts/bench/Rate.cs -- "http://127.0.0.1:$app_port" "$api_key" \
  "http://127.0.0.1:$plivo_port" 200 10 14082000000) || failed=1
# Calls sustained at 1,000 per second for 30 s, each placed right after its dispatch.
sustained_out=$(dotnet run --no-build -c Release scripts/bench/Rate.cs -- "http://127.0.0.1:$app_port" "$api_key" \
  "http://127.0.0.1:$plivo_port" 1000 30 14085000000) || failed=1

print_rows
echo
echo "| dispatch conns | calls/s to Plivo during load | backlog at stop | drained in | Redis cmds per dispatch+call | EVALSHA per dispatch+call | Redis bytes per session | keys per session |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${dispatch_rows[@]}"
echo
echo "MEMORY USAGE per key (the shared ZSETs and lists: whole):"
echo "$session_bytes"
echo "calls with pacing off: $calls_line"
echo "dispatch -> Make-a-call at 200 dispatches/s for 10 s (ms): $rate_out"
echo "dispatch -> Make-a-call at 1000 dispatches/s for 30 s (ms): $sustained_out"
echo "engine RSS after the runs: $(rss_mb) MB; Redis used_memory: $(( $(used_memory) / 1048576 )) MB, keys: $(rcli dbsize)"
check_engine_log
exit "$failed"

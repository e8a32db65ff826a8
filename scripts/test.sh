#!/usr/bin/env bash
# Runs the whole test suite. The tests start their own redis-server from redis.conf, so it only has
# to be installed. Prints "N passed, N failed" from the test run's own counts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-redis.sh
# The demo page's tests drive Debian's chromium; the reverse-proxy tests run Debian's nginx.
bash scripts/ensure-browser.sh
bash scripts/ensure-nginx.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test VoiceOtp.sln --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" || status=$?

trx=$(find "$results" -name '*.trx' | head -n 1)
if [ -z "$trx" ]; then
  echo "no test results were written" >&2
  echo "0 passed, 0 failed"
  exit 1
fi
counters=$(grep -o '<Counters [^>]*>' "$trx")
count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
passed=$(count passed)
failed=$(count failed)
total=$(count total)
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$total" -eq 0 ]; then
  exit 1
fi

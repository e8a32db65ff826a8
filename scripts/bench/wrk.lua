-- wrk script for the benchmark. Environment: BENCH_PATH (/dispatch_otp or /verify_otp),
-- BENCH_KEY (API key), BENCH_THREADS (wrk's -t), BENCH_FIRST (first number, digits), BENCH_COUNT (numbers to cycle through;
-- 0 = never repeat), BENCH_OTP (code to send; empty for dispatch), BENCH_EXPECT (the status every
-- answer must have). Each thread takes every Nth number, so numbers never repeat across threads.
-- done() prints one line: "RESULT requests seconds p50_ms p99_ms expected other_status socket_errors mix".
local threads = {}
local first = tonumber(os.getenv("BENCH_FIRST"))
local count = tonumber(os.getenv("BENCH_COUNT") or "0")
local otp = os.getenv("BENCH_OTP") or ""
local expect = tonumber(os.getenv("BENCH_EXPECT") or "200")

function setup(thread)
  thread:set("tid", #threads)
  thread:set("nthreads", tonumber(os.getenv("BENCH_THREADS")))
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.path = os.getenv("BENCH_PATH")
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")
  n = 0
end

function request()
  local i = n * nthreads + tid
  n = n + 1
  if count > 0 then i = i % count end
  local number = string.format("+%d", first + i)
  local body
  if otp == "" then
    body = '{"destination_number":"' .. number .. '"}'
  else
    body = '{"destination_number":"' .. number .. '","otp":"' .. otp .. '"}'
  end
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  local k = "s" .. status
  _G[k] = (_G[k] or 0) + 1
end

function done(summary, latency, requests)
  local mix = {}
  local other = 0
  for _, t in ipairs(threads) do
    for _, code in ipairs({200, 400, 401, 403, 404, 422, 429, 500, 503}) do
      local c = t:get("s" .. code) or 0
      if c > 0 then mix[code] = (mix[code] or 0) + c end
    end
  end
  local parts = {}
  local seen = 0
  for code, c in pairs(mix) do
    table.insert(parts, code .. ":" .. c)
    seen = seen + c
    if code ~= expect then other = other + c end
  end
  other = other + (summary.requests - seen)
  local e = summary.errors
  io.write(string.format("RESULT %d %.2f %.2f %.2f %d %d %d %s\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, mix[expect] or 0, other,
    e.connect + e.read + e.write + e.timeout, table.concat(parts, ",")))
end

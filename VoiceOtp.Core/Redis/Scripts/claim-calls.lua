#!lua
-- A pump claims a batch of due calls. First it settles expired leases, the trace of a process that
-- died holding calls: a leased call (no request sent) goes back to the ready queue, due now; a
-- posting one (the request may have reached Plivo) is not re-posted but moved to uncertain, scored
-- by the end of its evidence window (resolve-uncertain-call.lua settles it then).
-- Then it moves up to ARGV[1] due calls, earliest first, from ready to leased with a lease deadline.
-- With ARGV[3] > 0 it starts at most that many calls in any ARGV[5] ms (a little over a second)
-- across all instances (pacing): a sliding window over the last N start times, since Plivo counts a
-- burst that straddles a second boundary as one.
-- KEYS[1] ready ZSET, KEYS[2] leased ZSET, KEYS[3] posting ZSET, KEYS[4] uncertain ZSET,
-- KEYS[5] start times LIST (ms, newest first, at most N)
-- ARGV  1 batch size, 2 lease ms, 3 calls per second (0 = unpaced), 4 uncertain window ms,
--       5 pacing window ms
-- Returns {wait ms, member...}: the claimed members; wait is how long until the next call is due
-- (or until the pacing window lets one more start) when nothing was claimed, -1 when the ready queue is empty.
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)

local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)
for _, m in ipairs(expired) do
  redis.call('ZREM', KEYS[2], m)
  redis.call('ZADD', KEYS[1], now, m)
end
expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, 100)
for _, m in ipairs(expired) do
  redis.call('ZREM', KEYS[3], m)
  redis.call('ZADD', KEYS[4], now + tonumber(ARGV[4]), m)
end

local batch = tonumber(ARGV[1])
local cps = tonumber(ARGV[3])
local window = tonumber(ARGV[5])
if cps > 0 then
  local starts = redis.call('LRANGE', KEYS[5], 0, cps - 1)
  local used = 0
  for _, s in ipairs(starts) do
    if tonumber(s) > now - window then
      used = used + 1
    end
  end
  if used >= cps then
    return {math.max(1, tonumber(starts[cps]) + window - now)}
  end
  batch = math.min(batch, cps - used)
end

local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, batch)
if #due == 0 then
  local next = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  if #next == 0 then
    return {-1}
  end
  return {math.max(1, tonumber(next[2]) - now)}
end
local deadline = now + tonumber(ARGV[2])
local leased = {}
for i, m in ipairs(due) do
  leased[2 * i - 1] = deadline
  leased[2 * i] = m
end
redis.call('ZREM', KEYS[1], unpack(due))
redis.call('ZADD', KEYS[2], unpack(leased))
if cps > 0 then
  for _ = 1, #due do
    redis.call('LPUSH', KEYS[5], now)
  end
  redis.call('LTRIM', KEYS[5], 0, cps - 1)
  redis.call('PEXPIRE', KEYS[5], 2 * window)
end
table.insert(due, 1, 0)
return due

#!lua
-- Remembers a new session in the conversion history of each of its breaker scopes: the newest N
-- session ids, each with the time it expires (Redis clock). Verifying marks it 'v' (see
-- ConversionTracker); one that reaches its expiry unmarked counts as unconverted in admit.lua.
-- KEYS  pairs: session list, session states hash, per scope
-- ARGV  1 session id, 2 session ttl ms, 3 sessions kept (N), 4 history ttl ms
-- Returns the number of scopes written
local t = redis.call('TIME')
local expires = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[2])
local n = tonumber(ARGV[3])
for i = 1, #KEYS, 2 do
  redis.call('LPUSH', KEYS[i], ARGV[1])
  redis.call('HSET', KEYS[i + 1], ARGV[1], expires)
  while redis.call('LLEN', KEYS[i]) > n do
    redis.call('HDEL', KEYS[i + 1], redis.call('RPOP', KEYS[i]))
  end
  redis.call('PEXPIRE', KEYS[i], ARGV[4])
  redis.call('PEXPIRE', KEYS[i + 1], ARGV[4])
end
return #KEYS / 2

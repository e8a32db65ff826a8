#!lua
-- Checks a code digest, counts a wrong one, locks and spends, all in one step, so N concurrent
-- correct verifies give exactly one success. A spent (verified) or locked session loses its code
-- material but keeps its small hash until its TTL, so that its end is recorded atomically with the
-- check (the status document reads it) and even the right code keeps failing. A new dispatch
-- replaces a verified session at once.
-- Attempts remaining is reported for verified and rejected. A session that ends here (verified or
-- locked) takes its waiting calls out of the ready queue and leaves a cancel entry for the pump,
-- which cancels or hangs up its calls still at Plivo (CallCanceller), off the request path.
-- KEYS[1] session hash, KEYS[2] ready calls ZSET, KEYS[3] calls to cancel ZSET
-- ARGV  1 digest of the submitted code, 2 expected session id ('' when verifying by number),
--       3 number (E.164)
-- Returns {kind, session id, attempts remaining, expires_at (unix ms) when verified, else 0};
-- kind is verified | rejected | locked | not_found
local function stop_calls(id)
  local calls = tonumber(redis.call('HGET', KEYS[1], 'calls')) or 0
  for n = 1, calls do
    redis.call('ZREM', KEYS[2], id .. ':' .. n .. ':' .. ARGV[3])
  end
  local t = redis.call('TIME')
  redis.call('ZADD', KEYS[3], t[1] * 1000 + math.floor(t[2] / 1000), id .. ':' .. calls .. ':' .. ARGV[3])
end
local s = redis.call('HMGET', KEYS[1], 'status', 'id', 'digest', 'attempts', 'max_attempts', 'expires_at')
if not s[1] or (ARGV[2] ~= '' and s[2] ~= ARGV[2]) then
  return {'not_found', '', 0}
end
if s[1] == 'locked' then
  return {'locked', s[2], 0}
end
if s[1] ~= 'pending' then
  return {'not_found', '', 0}
end
if s[3] == ARGV[1] then
  redis.call('HSET', KEYS[1], 'status', 'verified')
  redis.call('HDEL', KEYS[1], 'digest', 'sealed')
  stop_calls(s[2])
  return {'verified', s[2], tonumber(s[5]) - tonumber(s[4]), tonumber(s[6]) or 0}
end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
local remaining = tonumber(s[5]) - attempts
if remaining <= 0 then
  redis.call('HSET', KEYS[1], 'status', 'locked')
  redis.call('HDEL', KEYS[1], 'digest', 'sealed')
  stop_calls(s[2])
  return {'locked', s[2], 0}
end
return {'rejected', s[2], remaining}

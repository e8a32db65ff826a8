-- Opens a session for a number, or joins the pending one so that a resend speaks the same code.
-- Joining neither extends the expiry nor resets the wrong-attempt count.
-- A locked session keeps its number blocked until it expires, so wrong guesses stay capped.
-- KEYS[1] session hash
-- ARGV  1 new session id, 2 code digest, 3 sealed code, 4 ttl ms, 5 max verify attempts,
--       6 max calls per session, 7 expires_at (unix ms), 8 brand
-- Returns {kind, session id, expires_at, call number, remaining ttl ms};
-- kind is opened | joined | call_limit | locked
local s = redis.call('HMGET', KEYS[1], 'status', 'id', 'expires_at', 'calls')
if s[1] == 'locked' then
  return {'locked', s[2], s[3], 0, redis.call('PTTL', KEYS[1])}
end
if s[1] == 'pending' then
  if tonumber(s[4]) >= tonumber(ARGV[6]) then
    return {'call_limit', s[2], s[3], 0, redis.call('PTTL', KEYS[1])}
  end
  local calls = redis.call('HINCRBY', KEYS[1], 'calls', 1)
  return {'joined', s[2], s[3], calls, redis.call('PTTL', KEYS[1])}
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'digest', ARGV[2], 'sealed', ARGV[3], 'attempts', 0,
  'max_attempts', ARGV[5], 'status', 'pending', 'calls', 1, 'retries', 0, 'expires_at', ARGV[7], 'brand', ARGV[8])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {'opened', ARGV[1], ARGV[7], 1, tonumber(ARGV[4])}

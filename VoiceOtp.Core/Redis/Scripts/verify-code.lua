-- Checks a code digest, counts a wrong one, locks and spends, all in one step, so N concurrent
-- correct verifies give exactly one success. A spent (verified) or locked session loses its code
-- material but keeps its small hash until its TTL, so that its end is recorded atomically with the
-- check (the status document reads it) and even the right code keeps failing. A new dispatch
-- replaces a verified session at once.
-- Attempts remaining is reported for verified and rejected.
-- KEYS[1] session hash
-- ARGV  1 digest of the submitted code, 2 expected session id ('' when verifying by number)
-- Returns {kind, session id, attempts remaining, expires_at (unix ms) when verified, else 0};
-- kind is verified | rejected | locked | not_found
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
  return {'verified', s[2], tonumber(s[5]) - tonumber(s[4]), tonumber(s[6]) or 0}
end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
local remaining = tonumber(s[5]) - attempts
if remaining <= 0 then
  redis.call('HSET', KEYS[1], 'status', 'locked')
  redis.call('HDEL', KEYS[1], 'digest', 'sealed')
  return {'locked', s[2], 0}
end
return {'rejected', s[2], remaining}

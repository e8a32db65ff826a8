-- Makes a call job reentrant: the first run stores a call token; a run that finds a Plivo
-- request uuid (or a permanent failure) already recorded does nothing.
-- KEYS[1] call hash, KEYS[2] session hash
-- ARGV  1 session id, 2 fresh call token
-- Returns {kind, token}; kind is gone (session no longer pending) | placed | claimed
local s = redis.call('HMGET', KEYS[2], 'status', 'id')
if s[1] ~= 'pending' or s[2] ~= ARGV[1] then
  return {'gone', ''}
end
local c = redis.call('HMGET', KEYS[1], 'request_uuid', 'failed', 'token')
if c[1] or c[2] then
  return {'placed', ''}
end
if c[3] then
  return {'claimed', c[3]}
end
redis.call('HSET', KEYS[1], 'token', ARGV[2])
redis.call('PEXPIRE', KEYS[1], redis.call('PTTL', KEYS[2]))
return {'claimed', ARGV[2]}

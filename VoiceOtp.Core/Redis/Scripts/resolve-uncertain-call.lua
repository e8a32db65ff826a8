#!lua
-- Settles a call whose Make-a-call request may or may not have reached Plivo (a timeout or a 5xx,
-- or a pump that died while posting), once its evidence window has passed. Any callback for the
-- call's token (ring, answer or hangup) proves Plivo placed it: it stays as it is. Without one the
-- call is queued again, once: its token's digest is dropped in the same step, so a late callback of
-- a request that did reach Plivo matches nothing and cannot count twice; claim-call.lua issues a
-- fresh token.
-- KEYS[1] call hash, KEYS[2] session hash, KEYS[3] uncertain ZSET, KEYS[4] ready ZSET
-- ARGV  1 queue member, 2 session id, 3 wake channel
-- Returns gone (not uncertain any more) | placed (a callback came) | ended (the session is no
-- longer pending) | given_up (it was re-placed once already) | requeued
if not redis.call('ZSCORE', KEYS[3], ARGV[1]) then
  return 'gone'
end
redis.call('ZREM', KEYS[3], ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'ended'
end
local c = redis.call('HMGET', KEYS[1], 'outcome', 'answered', 'call_uuid', 'request_uuid', 'requeued')
if c[1] or c[2] or c[3] or c[4] then
  redis.call('HSET', KEYS[1], 'uncertain', 'placed')
  return 'placed'
end
local s = redis.call('HMGET', KEYS[2], 'status', 'id')
if s[1] ~= 'pending' or s[2] ~= ARGV[2] then
  return 'ended'
end
if c[5] then
  redis.call('HSET', KEYS[1], 'uncertain', 'lost')
  return 'given_up'
end
redis.call('HDEL', KEYS[1], 'posted_at', 'token')
redis.call('HSET', KEYS[1], 'uncertain', 'requeued', 'requeued', 1)
redis.call('ZADD', KEYS[4], 0, ARGV[1])
redis.call('PUBLISH', ARGV[3], '1')
return 'requeued'

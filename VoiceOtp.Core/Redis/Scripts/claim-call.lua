-- Makes a call job reentrant and never rings a phone twice for one call number. The first run
-- marks the call as posting; a later run that finds Plivo's request uuid or a refusal does
-- nothing, and one that finds only the posting mark cannot know whether Plivo placed the call,
-- so it does nothing either. The job clears the mark itself when the request surely never left.
-- KEYS[1] call hash, KEYS[2] session hash
-- ARGV  1 session id
-- Returns gone (session no longer pending) | placed | uncertain | claimed
local s = redis.call('HMGET', KEYS[2], 'status', 'id')
if s[1] ~= 'pending' or s[2] ~= ARGV[1] then
  return 'gone'
end
local c = redis.call('HMGET', KEYS[1], 'request_uuid', 'failed', 'posting')
if c[1] or c[2] then
  return 'placed'
end
if c[3] then
  return 'uncertain'
end
redis.call('HSET', KEYS[1], 'posting', '1')
redis.call('PEXPIRE', KEYS[1], redis.call('PTTL', KEYS[2]))
return 'claimed'

-- Records how a call ended, once: Plivo retries hangup callbacks, and a duplicate must not
-- reserve a second follow-up call. For an unanswered call it reserves the next call number
-- while the session is pending and both the call and the retry budgets allow it. Until the
-- caller marks that follow-up as scheduled, a repeated callback gets the same reservation back,
-- so a failure between reserving and scheduling does not lose the retry.
-- KEYS[1] call hash, KEYS[2] session hash
-- ARGV  1 outcome, 2 Plivo call uuid, 3 session id, 4 max calls, 5 max retries, 6 '1' if unanswered
-- Returns {next call number or 0, retry number}; {-1, 0} when the call is unknown
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {-1, 0}
end
if redis.call('HSETNX', KEYS[1], 'outcome', ARGV[1]) == 0 then
  local c = redis.call('HMGET', KEYS[1], 'next_call', 'next_retry', 'scheduled')
  if c[1] and not c[3] then
    return {tonumber(c[1]), tonumber(c[2])}
  end
  return {0, 0}
end
redis.call('HSET', KEYS[1], 'call_uuid', ARGV[2])
if ARGV[6] ~= '1' then
  return {0, 0}
end
local s = redis.call('HMGET', KEYS[2], 'status', 'id', 'calls', 'retries')
if s[1] ~= 'pending' or s[2] ~= ARGV[3] then
  return {0, 0}
end
if tonumber(s[3]) >= tonumber(ARGV[4]) or tonumber(s[4]) >= tonumber(ARGV[5]) then
  return {0, 0}
end
local calls = redis.call('HINCRBY', KEYS[2], 'calls', 1)
local retries = redis.call('HINCRBY', KEYS[2], 'retries', 1)
redis.call('HSET', KEYS[1], 'next_call', calls, 'next_retry', retries)
return {calls, retries}

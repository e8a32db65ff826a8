#!lua
-- Records how a call ended, once: Plivo retries hangup callbacks, and a duplicate must not queue a
-- second follow-up call. For an unanswered call it reserves the next call number while the session
-- is pending and both the call and the retry budgets allow it, and queues that follow-up in the
-- ready ZSET due after its delay, in the same step, so a retry is never reserved but unscheduled.
-- KEYS[1] call hash, KEYS[2] session hash, KEYS[3] ready calls ZSET
-- No retry is queued that would ring with less than ARGV[8] left before the session expires.
-- ARGV  1 outcome, 2 Plivo call uuid, 3 session id, 4 max calls, 5 '1' if unanswered,
--       6 the number's id (PhoneId, for the queue member), 7 wake channel, 8 least time left to call ms, 9.. delay in ms before
--       retry 1, 2, ... (their count is the retry budget)
-- Returns {next call number or 0, retry number, delay ms}; {-1, 0, 0} when the call is unknown
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {-1, 0, 0}
end
if redis.call('HSETNX', KEYS[1], 'outcome', ARGV[1]) == 0 then
  return {0, 0, 0}
end
redis.call('HSET', KEYS[1], 'call_uuid', ARGV[2])
if ARGV[5] ~= '1' then
  return {0, 0, 0}
end
local s = redis.call('HMGET', KEYS[2], 'status', 'id', 'calls', 'retries', 'expires_at')
local maxRetries = #ARGV - 8
if s[1] ~= 'pending' or s[2] ~= ARGV[3] then
  return {0, 0, 0}
end
if tonumber(s[3]) >= tonumber(ARGV[4]) or tonumber(s[4]) >= maxRetries then
  return {0, 0, 0}
end
local delay = tonumber(ARGV[9 + tonumber(s[4])])
local t = redis.call('TIME')
local due = t[1] * 1000 + math.floor(t[2] / 1000) + delay
if tonumber(s[5]) - due < tonumber(ARGV[8]) then
  return {0, 0, 0}
end
local call = redis.call('HINCRBY', KEYS[2], 'calls', 1)
local retry = redis.call('HINCRBY', KEYS[2], 'retries', 1)
local member = ARGV[3] .. ':' .. call .. ':' .. ARGV[6]
redis.call('HSET', KEYS[1], 'next_call', call)
redis.call('HSET', KEYS[2], 'last_call_at', due)
redis.call('ZADD', KEYS[3], due, member)
if redis.call('ZRANK', KEYS[3], member) == 0 then
  redis.call('PUBLISH', ARGV[7], '1')
end
return {call, retry, delay}

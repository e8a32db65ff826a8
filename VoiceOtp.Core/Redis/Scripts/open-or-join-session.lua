-- The whole dispatch in one atomic step: opens a session for a number (or joins the pending one, so
-- that a resend speaks the same code), writes the session-id lookup on open, and queues the call.
-- A crash can therefore never leave a session without its queued call, nor a queued call without
-- its session. Joining neither extends the expiry nor resets the wrong-attempt count. A locked
-- session keeps its number blocked until it expires, so wrong guesses stay capped.
-- KEYS[1] session hash, KEYS[2] session-id lookup of the NEW id (written only on open),
-- KEYS[3] ready calls ZSET
-- A join places its call only if the resend cooldown has passed since the session's last call (it
-- doubles with each resend: ARGV[11], then twice, four times that) and the session has at least
-- ARGV[12] left to live; otherwise nothing is queued.
-- ARGV  1 new session id, 2 code digest, 3 sealed code, 4 ttl ms, 5 max verify attempts,
--       6 max calls per session, 7 expires_at (unix ms), 8 brand, 9 number (E.164), 10 wake channel,
--       11 resend cooldown ms, 12 least time left to call ms
-- Returns {kind, session id, expires_at, call number or wait ms}; kind is opened | joined |
-- call_limit | locked | cooldown (4th: ms until a resend may call) | too_late.
-- On opened/joined the member "session:call:number" is in the ready ZSET, due now (Redis clock).
local s = redis.call('HMGET', KEYS[1], 'status', 'id', 'expires_at', 'calls', 'last_call_at', 'resends')
if s[1] == 'locked' then
  return {'locked', s[2], s[3], 0}
end
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local id, expires, call
if s[1] == 'pending' then
  if tonumber(s[4]) >= tonumber(ARGV[6]) then
    return {'call_limit', s[2], s[3], 0}
  end
  if tonumber(s[3]) - now < tonumber(ARGV[12]) then
    return {'too_late', s[2], s[3], 0}
  end
  local resends = tonumber(s[6]) or 0
  local ready_at = (tonumber(s[5]) or 0) + tonumber(ARGV[11]) * 2 ^ resends
  if now < ready_at then
    return {'cooldown', s[2], s[3], math.ceil(ready_at - now)}
  end
  id, expires = s[2], s[3]
  call = redis.call('HINCRBY', KEYS[1], 'calls', 1)
  redis.call('HSET', KEYS[1], 'resends', resends + 1, 'last_call_at', now)
else
  id, expires, call = ARGV[1], ARGV[7], 1
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'id', id, 'digest', ARGV[2], 'sealed', ARGV[3], 'attempts', 0,
    'max_attempts', ARGV[5], 'status', 'pending', 'calls', 1, 'retries', 0, 'expires_at', expires, 'brand', ARGV[8],
    'last_call_at', now, 'resends', 0)
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  redis.call('SET', KEYS[2], ARGV[9], 'PX', ARGV[4])
end
local member = id .. ':' .. call .. ':' .. ARGV[9]
redis.call('ZADD', KEYS[3], now, member)
-- Only the call that became the earliest due wakes the pumps: during a burst they are busy
-- draining anyway, and an idle pump hears about the first call at once.
if redis.call('ZRANK', KEYS[3], member) == 0 then
  redis.call('PUBLISH', ARGV[10], '1')
end
return {s[1] == 'pending' and 'joined' or 'opened', id, expires, call}

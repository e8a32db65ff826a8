#!lua
-- The whole dispatch in one atomic step: opens a session for a number (or joins the pending one, so
-- that a resend speaks the same code), keeps the number sealed in the session on open, and queues
-- the call. A crash can therefore never leave a session without its queued call, nor a queued call
-- without its session. Joining neither extends the expiry nor resets the wrong-attempt count. A locked
-- session keeps its number blocked until it expires, so wrong guesses stay capped, and a number
-- over its wrong-code limits (see verify-code.lua) gets no call at all: its codes could not be
-- checked anyway. #!lua without flags: refused whole when Redis is out of memory or read-only.
-- KEYS[1] session hash, KEYS[2] ready calls ZSET, KEYS[3] the number's wrong-code log (written by
-- verify-code.lua only), KEYS[4] calls to cancel ZSET, KEYS[5] status record of the NEW id (written
-- only on open, and only when ARGV[18] > 0; its fields are StatusFields' short names)
-- On open the session id goes into the expiry bucket of its expiry time (a LIST named ARGV[17] ..
-- bucket, under the same hash tag), and the bucket's entry "expiring:bucket" into the cancel ZSET,
-- due at the bucket's end: CallCanceller stops the session's calls then (with or without a callback
-- URL), at no extra round trip on the dispatch path. A bucket costs a few bytes per session where a
-- ZSET member of its own cost ~180.
-- A join places its call only if the resend cooldown has passed since the session's last call (it
-- doubles with each resend: ARGV[13], then twice, four times that) and the session has at least
-- ARGV[14] left to live; otherwise nothing is queued.
-- ARGV  1 new session id, 2 code digest, 3 sealed code, 4 ttl ms, 5 max verify attempts,
--       6 max calls per session, 7 expires_at (unix ms), 8 brand, 9 the number's id (PhoneId),
--       10 wake channel, 11 wrong codes allowed per hour, 12 per day (0: no limit), 13 resend
--       cooldown ms, 14 least time left to call ms, 15 the number sealed for the new id (PhoneSealer),
--       16 expiry bucket width ms, 17 expiry bucket key prefix, 18 status record ttl ms (0: none),
--       19 created_at (unix ms), 20 masked number, 21 region, 22 callback URL ('' none)
-- Returns {kind, session id, expires_at, call number, ms to wait (rate_limited, cooldown; else 0)};
-- kind is opened | joined | call_limit | locked | rate_limited (wrong-code limit) |
-- cooldown (resend too soon) | too_late.
-- On opened/joined the member "session:call:phone id" is in the ready ZSET, due now (Redis clock).
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local hour, day = tonumber(ARGV[11]) or 0, tonumber(ARGV[12]) or 0
if hour > 0 or day > 0 then
  -- How long until the oldest wrong code that keeps the window full leaves it; n counts the window.
  local function count(window)
    return redis.call('ZCOUNT', KEYS[3], '(' .. (now - window), '+inf')
  end
  local function wait_ms(window, limit, n)
    if limit <= 0 or n < limit then return 0 end
    local e = redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. (now - window), '+inf', 'WITHSCORES', 'LIMIT', n - limit, 1)
    return tonumber(e[2]) + window - now
  end
  -- As in verify-code.lua: the hour's wrong codes are among the day's, so a day under the hour's
  -- limit leaves the hour uncounted.
  local in_day = day > 0 and count(86400000) or 0
  local in_hour = 0
  if hour > 0 then
    in_hour = (day > 0 and in_day < hour) and in_day or count(3600000)
  end
  local wait = math.max(wait_ms(3600000, hour, in_hour), wait_ms(86400000, day, in_day))
  if wait > 0 then
    return {'rate_limited', '', 0, 0, wait}
  end
end
local s = redis.call('HMGET', KEYS[1], 'status', 'id', 'expires_at', 'calls', 'last_call_at', 'resends')
if s[1] == 'locked' then
  return {'locked', s[2], s[3], 0, 0}
end
local id, expires, call
if s[1] == 'pending' then
  if tonumber(s[4]) >= tonumber(ARGV[6]) then
    return {'call_limit', s[2], s[3], 0, 0}
  end
  if tonumber(s[3]) - now < tonumber(ARGV[14]) then
    return {'too_late', s[2], s[3], 0, 0}
  end
  local resends = tonumber(s[6]) or 0
  local ready_at = (tonumber(s[5]) or 0) + tonumber(ARGV[13]) * 2 ^ resends
  if now < ready_at then
    return {'cooldown', s[2], s[3], 0, math.ceil(ready_at - now)}
  end
  id, expires = s[2], s[3]
  call = redis.call('HINCRBY', KEYS[1], 'calls', 1)
  redis.call('HSET', KEYS[1], 'resends', resends + 1, 'last_call_at', now)
else
  id, expires, call = ARGV[1], ARGV[7], 1
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'id', id, 'digest', ARGV[2], 'sealed', ARGV[3], 'attempts', 0,
    'max_attempts', ARGV[5], 'status', 'pending', 'calls', 1, 'retries', 0, 'expires_at', expires, 'brand', ARGV[8],
    'last_call_at', now, 'resends', 0, 'number', ARGV[15])
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  local width = tonumber(ARGV[16])
  local bucket = math.ceil((now + tonumber(ARGV[4])) / width)
  redis.call('RPUSH', ARGV[17] .. string.format('%d', bucket), id)
  redis.call('ZADD', KEYS[4], bucket * width, 'expiring:' .. string.format('%d', bucket))
  if tonumber(ARGV[18]) > 0 then
    redis.call('HSET', KEYS[5], 'm', ARGV[20], 'p', ARGV[9], 'r', ARGV[21], 'c', ARGV[19], 'e', expires,
      'x', ARGV[5], 'a', ARGV[5])
    if ARGV[22] ~= '' then
      redis.call('HSET', KEYS[5], 'u', ARGV[22])
    end
    redis.call('PEXPIRE', KEYS[5], ARGV[18])
  end
end
local member = id .. ':' .. call .. ':' .. ARGV[9]
-- The first call of a new session is scored FIRST_CALL_LEAD (10^13 ms) before its due time, so it
-- is claimed before every retry or resend that is already due and waiting (pacing may hold calls
-- back); ordering among first calls stays by time. CallQueue adds the lead back for display.
redis.call('ZADD', KEYS[2], call == 1 and s[1] ~= 'pending' and now - 10000000000000 or now, member)
-- Only the call that became the earliest due wakes the pumps: during a burst they are busy
-- draining anyway, and an idle pump hears about the first call at once.
if redis.call('ZRANK', KEYS[2], member) == 0 then
  redis.call('PUBLISH', ARGV[10], '1')
end
return {s[1] == 'pending' and 'joined' or 'opened', id, expires, call, 0}

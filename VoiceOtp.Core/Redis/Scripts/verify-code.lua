#!lua
-- Checks a code digest, counts it, locks and spends, all in one step, so N concurrent correct
-- verifies give exactly one success. A spent (verified) or locked session loses its code
-- material but keeps its small hash until its TTL, so that its end is recorded atomically with the
-- check (the status document reads it) and even the right code keeps failing. A new dispatch
-- replaces a verified session at once.
-- Fail closed: the #!lua line declares no flags, so Redis refuses the whole script up front when
-- it is out of memory (no allow-oom), on a replica (may write) and on a stale one (no allow-stale),
-- instead of running the reads and refusing only the first write. The guess is counted before the
-- comparison for the same reason: no code is ever compared without its attempt being recorded;
-- the right one is then given back.
-- Wrong codes are also logged per number across sessions (a new code does not reset them, NIST SP
-- 800-63B-4); over either limit nothing is compared.
-- Attempts remaining is reported for verified and rejected. A session that ends here (verified or
-- locked) takes its waiting calls out of the ready queue and leaves a cancel entry for the pump,
-- which cancels or hangs up its calls still at Plivo (CallCanceller), off the request path.
-- KEYS[1] session hash, KEYS[2] the number's wrong-code log (ZSET member -> Redis time in ms),
-- KEYS[3] ready calls ZSET, KEYS[4] calls to cancel ZSET
-- ARGV  1 digest of the submitted code, 2 expected session id ('' when verifying by number),
--       3 wrong codes allowed per hour, 4 per day (0: no limit), 5 the number's id (PhoneId), which
--       ends the queue members, 6 the status record's key without its session id: a verify by
--       number learns the id only here, and the record shares the prefix's hash tag (one slot)
-- Returns {kind, session id, attempts remaining | ms until a code may be tried again,
-- expires_at (unix ms) when verified, else 0}; kind is verified | rejected | locked | not_found | rate_limited
-- Numbers go to Redis as integer strings made here: Redis 7.0 turns a Lua number argument into text
-- with printf's %.17g, and Lua's own concatenation uses %.14g, both a tenth of a wrong code's Redis
-- time when each of its arguments was a number. The text is the same digits either way.
local function int(n)
  return string.format('%d', n)
end
local function stop_calls(id)
  local calls = tonumber(redis.call('HGET', KEYS[1], 'calls')) or 0
  for n = 1, calls do
    redis.call('ZREM', KEYS[3], id .. ':' .. int(n) .. ':' .. ARGV[5])
  end
  local t = redis.call('TIME')
  redis.call('ZADD', KEYS[4], int(t[1] * 1000 + math.floor(t[2] / 1000)), id .. ':' .. int(calls) .. ':' .. ARGV[5])
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
local hour, day = tonumber(ARGV[3]), tonumber(ARGV[4])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local now_text = int(now)
-- How long until the oldest wrong code that keeps the window full leaves it; n counts the window.
local function count(window)
  return redis.call('ZCOUNT', KEYS[2], '(' .. int(now - window), '+inf')
end
local function wait_ms(window, limit, n)
  if limit <= 0 or n < limit then return 0 end
  local e = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. int(now - window), '+inf', 'WITHSCORES', 'LIMIT', int(n - limit), '1')
  return tonumber(e[2]) + window - now
end
local in_day = day > 0 and count(86400000) or 0
-- The hour's wrong codes are among the day's: fewer than the hour's limit in the day, and the hour
-- is not full either, so it is not counted (one command less on an ordinary wrong code).
local in_hour = 0
if hour > 0 then
  in_hour = (day > 0 and in_day < hour) and in_day or count(3600000)
end
local wait = math.max(wait_ms(3600000, hour, in_hour), wait_ms(86400000, day, in_day))
if wait > 0 then
  return {'rate_limited', s[2], wait, 0}
end

local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', '1')
local entry = now_text .. ':' .. s[2] .. ':' .. int(attempts)
if hour > 0 or day > 0 then
  local keep = day > 0 and 86400000 or 3600000
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', int(now - keep))
  redis.call('ZADD', KEYS[2], now_text, entry)
  redis.call('PEXPIRE', KEYS[2], int(keep))
end
if s[3] == ARGV[1] then
  redis.call('HINCRBY', KEYS[1], 'attempts', '-1')
  redis.call('ZREM', KEYS[2], entry)
  redis.call('HSET', KEYS[1], 'status', 'verified')
  redis.call('HDEL', KEYS[1], 'digest', 'sealed')
  stop_calls(s[2])
  return {'verified', s[2], tonumber(s[5]) - (attempts - 1), tonumber(s[6]) or 0}
end
local remaining = tonumber(s[5]) - attempts
if remaining <= 0 then
  redis.call('HSET', KEYS[1], 'status', 'locked')
  redis.call('HDEL', KEYS[1], 'digest', 'sealed')
  stop_calls(s[2])
  return {'locked', s[2], 0}
end
-- The status document's attempts left (field 'a', see StatusFields), in the same step, so a wrong
-- code costs one round trip. Every record is written with 'a', so a new field means there was no
-- record (a session opened with StatusRetentionSeconds 0): the one-field hash just made goes again.
-- That costs a command only then, where an EXISTS first cost one on every wrong code.
local status = ARGV[6] .. s[2]
if redis.call('HSET', status, 'a', int(remaining)) == 1 and redis.call('HLEN', status) == 1 then
  redis.call('DEL', status)
end
return {'rejected', s[2], remaining}

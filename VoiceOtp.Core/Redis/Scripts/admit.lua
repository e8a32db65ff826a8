#!lua
-- Admits a dispatch or a verify, or refuses it, in one step and before any session is touched:
-- open breakers, spend caps, conversion rates, then sliding-window limits. A refusal changes
-- nothing except when it trips a breaker (and drops window entries that had already expired).
-- Windows are sliding logs on Redis's clock, shared by every instance: an admitted request adds
-- its id at the current time to every window, so a limit of L per window W never lets L+1 through
-- in any span of W, and no counter resets at a boundary. Windows may share a key (a number's hour
-- and day limits are one log): a key is trimmed by its longest window and each window counts only
-- its own span, so one entry per request serves every window of that key.
-- KEYS  1..W      sliding-window sorted sets, in ARGV order
--       W+1       breakers hash (only when B > 0)
--       then      per breaker scope: session list, session states hash
--       last two  spend today overall, spend today for the country (only when ARGV[4] is '1')
-- ARGV  1 request id (unique), 2 W, 3 B, 4 '1' to check spend, 5 breaker cool-down ms,
--       6 overall spend cap (micro-units, 0 none), 7 country spend cap (micro-units, 0 none),
--       then W times: limit, window ms, scope to trip when full ('' = plain rate limit),
--       then B times: scope, sessions to look at, min conversion in per mille (0 = rule off)
-- Returns {'allowed'} | {'rate_limited', retry after ms, window index (1-based)}
--       | {'blocked', reason, scope, 1 if tripped now else 0, ms until it may close}
--       reason is calls | conversion | spend | country_spend
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local W, B = tonumber(ARGV[2]), tonumber(ARGV[3])
local cooldown = tonumber(ARGV[5])
local wa, ba = 8, 8 + 3 * W
local breakers = KEYS[W + 1]

local function trip(scope, reason)
  redis.call('HSET', breakers, scope, (now + cooldown) .. '|' .. reason .. '|' .. now)
  if redis.call('PTTL', breakers) < cooldown then
    redis.call('PEXPIRE', breakers, cooldown)
  end
  return {'blocked', reason, scope, 1, cooldown}
end

for i = 0, B - 1 do
  local scope = ARGV[ba + 3 * i]
  local v = redis.call('HGET', breakers, scope)
  if v then
    local open_until, reason = string.match(v, '^(%d+)|([%w_]+)')
    if tonumber(open_until) > now then
      return {'blocked', reason, scope, 0, tonumber(open_until) - now}
    end
  end
end

if ARGV[4] == '1' then
  local total_cap, country_cap = tonumber(ARGV[6]), tonumber(ARGV[7])
  if total_cap > 0 and tonumber(redis.call('GET', KEYS[#KEYS - 1]) or '0') >= total_cap then
    return {'blocked', 'spend', '', 0, 0}
  end
  if country_cap > 0 and tonumber(redis.call('GET', KEYS[#KEYS]) or '0') >= country_cap then
    return {'blocked', 'country_spend', '', 0, 0}
  end
end

-- A session counts once decided: verified ('v'), or past its expiry without being verified
-- (expired or locked). Pending ones are left out; the rule waits for half the window decided.
for i = 0, B - 1 do
  local scope, n, min = ARGV[ba + 3 * i], tonumber(ARGV[ba + 3 * i + 1]), tonumber(ARGV[ba + 3 * i + 2])
  if min > 0 then
    local ids = redis.call('LRANGE', KEYS[W + 2 + 2 * i], 0, n - 1)
    if #ids > 0 then
      local states = redis.call('HMGET', KEYS[W + 3 + 2 * i], unpack(ids))
      local ok, failed = 0, 0
      for j = 1, #ids do
        if states[j] == 'v' then
          ok = ok + 1
        elseif states[j] and tonumber(states[j]) <= now then
          failed = failed + 1
        end
      end
      local decided = ok + failed
      if decided * 2 >= n and ok * 1000 < min * decided then
        return trip(scope, 'conversion')
      end
    end
  end
end

-- The longest window of each key: what it is trimmed to and how long it lives.
local longest = {}
for i = 0, W - 1 do
  local key, window = KEYS[i + 1], tonumber(ARGV[wa + 3 * i + 1])
  if not longest[key] or window > longest[key] then
    longest[key] = window
  end
end
for key, window in pairs(longest) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
end

local wait, which = -1, 0
for i = 0, W - 1 do
  local key, limit, window, scope = KEYS[i + 1], tonumber(ARGV[wa + 3 * i]), tonumber(ARGV[wa + 3 * i + 1]), ARGV[wa + 3 * i + 2]
  local since = '(' .. (now - window)
  local count = redis.call('ZCOUNT', key, since, '+inf')
  if count >= limit then
    if scope ~= '' then
      return trip(scope, 'calls')
    end
    -- The entry whose expiry brings the count back under the limit.
    local e = redis.call('ZRANGEBYSCORE', key, since, '+inf', 'WITHSCORES', 'LIMIT', count - limit, 1)
    local w = tonumber(e[2]) + window - now
    if w > wait then
      wait, which = w, i + 1
    end
  end
end
if wait >= 0 then
  return {'rate_limited', wait, which}
end

for key, window in pairs(longest) do
  redis.call('ZADD', key, now, ARGV[1])
  redis.call('PEXPIRE', key, window)
end
return {'allowed'}

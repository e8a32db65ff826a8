#!lua
-- Hands due cancel entries to one pump under a lease: an entry stays in the set, re-scored to the
-- lease end, until CallCanceller is done with it, so a pump that dies half-way leaves it for the
-- next claim. Entries "session:calls:{phone id}" come from verify-code.lua (verified or locked);
-- an expiry bucket's entry "expiring:{bucket}" (open-or-join-session.lua) stands for every session
-- id in the bucket's LIST: they are taken from it here, each turned into an entry
-- "session:1:{phone id}" (the phone id read from the session's status record, field 'p') under the same lease,
-- and the bucket's entry leaves the set once its list is empty. An id without a status record is
-- dropped: Redis knows nothing more of that session to stop.
-- KEYS[1] calls to cancel ZSET
-- ARGV  1 max entries, 2 lease ms, 3 expiry bucket key prefix, 4 status record key prefix (the
--       lists and records share the prefix's hash tag: one slot)
-- Returns the claimed entries "session:n:{phone id}"
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local max, lease = tonumber(ARGV[1]), tonumber(ARGV[2])
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, max)
local out = {}
for _, m in ipairs(due) do
  if #out >= max then
    break
  end
  local bucket = string.match(m, '^expiring:(%d+)$')
  if bucket then
    local list = ARGV[3] .. bucket
    local ids = redis.call('LPOP', list, max - #out) or {}
    for _, id in ipairs(ids) do
      local phone = redis.call('HGET', ARGV[4] .. id, 'p')
      if phone then
        local entry = id .. ':1:' .. phone
        redis.call('ZADD', KEYS[1], now + lease, entry)
        out[#out + 1] = entry
      end
    end
    if redis.call('EXISTS', list) == 0 then
      redis.call('ZREM', KEYS[1], m)
    end
  else
    redis.call('ZADD', KEYS[1], now + lease, m)
    out[#out + 1] = m
  end
end
return out

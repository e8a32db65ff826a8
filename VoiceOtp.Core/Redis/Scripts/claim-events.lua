#!lua
-- Hands outbox entries to one pump at a time under a lease. An entry stays in the claimed set
-- until the pump has created its Hangfire job and removed it; if the pump dies first, the lease
-- runs out and the next claim (by any instance) takes the entry again. Claimed entries whose
-- lease ended come first, then new ones, oldest first.
-- KEYS[1] outbox list, KEYS[2] claimed zset
-- ARGV  1 now (unix ms), 2 lease ms, 3 max entries, 4 ttl ms
-- Returns the claimed entries
local now, lease, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local out = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, max)
if #out < max then
  local fresh = redis.call('LPOP', KEYS[1], max - #out)
  if fresh then
    for _, e in ipairs(fresh) do
      table.insert(out, e)
    end
  end
end
for _, e in ipairs(out) do
  redis.call('ZADD', KEYS[2], now + lease, e)
end
if #out > 0 then
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
end
return out

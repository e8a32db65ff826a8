#!lua
-- Hands due cancel entries (sessions that were verified or locked) to one pump under a lease: an
-- entry stays in the set, re-scored to the lease end, until CallCanceller is done with it, so a pump
-- that dies half-way leaves it for the next claim.
-- KEYS[1] calls to cancel ZSET
-- ARGV  1 max entries, 2 lease ms
-- Returns the claimed entries "session:calls:{phone id}"
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
for _, m in ipairs(due) do
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), m)
end
return due

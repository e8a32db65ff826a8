#!lua
-- Puts an event (or an expiry check) into the outbox, once: an event id is derived from what
-- happened, so a repeated hangup callback or a repeated lock answer appends nothing new.
-- The record and the outbox entry are written together, so an entry never points at nothing.
-- KEYS[1] event record hash, KEYS[2] outbox list
-- ARGV  1 outbox entry, 2 ttl ms, 3.. field, value pairs of the record
-- Returns 1 when appended, 0 when the event was already there
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1

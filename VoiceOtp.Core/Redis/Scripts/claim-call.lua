#!lua
-- Starts one claimed call: the last check before the Make-a-call request. It puts the posting mark
-- (the member moves from leased to posting, and the call record is created with the session's TTL
-- plus ARGV[5]) and keeps the digest of the call's fresh token in the record: the token names the
-- call (CallToken), so a webhook finds the record directly and is accepted only while the digest
-- matches. The record outlives the session a little, so that when it expires CallCanceller still
-- finds what to hang up or cancel, and the hangup callback of a call stopped then is still
-- recorded. A call whose session is no longer pending, or that already has Plivo's request uuid or
-- a refusal, leaves the queue without a request.
-- KEYS[1] call hash, KEYS[2] session hash (holds the sealed number), KEYS[3] leased ZSET,
-- KEYS[4] posting ZSET
-- ARGV  1 session id, 2 queue member, 3 token digest, 4 lease ms, 5 ms the call outlives its session
-- Returns {kind, sealed number, session expires_at} with kind lost (our lease was taken back;
-- another pump owns the call) | gone | placed | claimed; the number and expiry only when claimed,
-- so that the pump needs no other read to place the call.
if not redis.call('ZSCORE', KEYS[3], ARGV[2]) then
  return {'lost'}
end
redis.call('ZREM', KEYS[3], ARGV[2])
local s = redis.call('HMGET', KEYS[2], 'status', 'id', 'expires_at', 'number')
local number = s[4]
if s[1] ~= 'pending' or s[2] ~= ARGV[1] or not number then
  return {'gone'}
end
local c = redis.call('HMGET', KEYS[1], 'request_uuid', 'failed')
if c[1] or c[2] then
  return {'placed'}
end
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[4]), ARGV[2])
redis.call('HSET', KEYS[1], 'posted_at', now, 'token', ARGV[3])
redis.call('PEXPIRE', KEYS[1], redis.call('PTTL', KEYS[2]) + tonumber(ARGV[5]))
return {'claimed', number, s[3]}

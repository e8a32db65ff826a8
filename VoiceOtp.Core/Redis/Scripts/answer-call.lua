#!lua
-- Decides what an answer request may hear. A machine hears nothing. With the keypress gate the
-- answer never speaks the code: every answer request (Plivo may repeat one) gets the same digit,
-- chosen once. Without the gate only the first answer request of a call speaks the code, so a
-- replayed signed request reads nothing.
-- KEYS[1] call hash, KEYS[2] session hash
-- ARGV  1 session id, 2 gate digit to keep if the call has none yet, 3 '1' when the gate is on,
--       4 '1' when Plivo says a machine answered, 5 code readings allowed per call
-- Returns {kind, value}: gone | machine | ask (value: the call's digit) | code (value: readings left)
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'gone', ''}
end
if ARGV[4] == '1' then
  redis.call('HSET', KEYS[1], 'machine', '1')
  return {'machine', ''}
end
local s = redis.call('HMGET', KEYS[2], 'status', 'id')
if s[1] ~= 'pending' or s[2] ~= ARGV[1] or redis.call('HEXISTS', KEYS[1], 'outcome') == 1 then
  return {'gone', ''}
end
local first = redis.call('HSETNX', KEYS[1], 'answered', '1')
if ARGV[3] == '1' then
  redis.call('HSETNX', KEYS[1], 'gate_digit', ARGV[2])
  return {'ask', redis.call('HGET', KEYS[1], 'gate_digit')}
end
if first == 0 then
  return {'gone', ''}
end
local plays = redis.call('HINCRBY', KEYS[1], 'code_plays', 1)
return {'code', tostring(tonumber(ARGV[5]) - plays)}

#!lua
-- Decides what a key pressed in a GetDigits earns. Before the code was spoken, only the call's
-- gate digit speaks it; each wrong key counts, and the last allowed one ends the call for good. After
-- that, '1' replays the code. Readings are capped per call, so a replayed signed request cannot
-- read the code more often than the call itself could; a call whose outcome is known gets nothing.
-- KEYS[1] call hash, KEYS[2] session hash
-- ARGV  1 session id, 2 digits pressed, 3 wrong keys allowed, 4 code readings allowed per call
-- Returns {kind, value}: gone | ask (value: the call's digit) | refused | done | code (value: readings left)
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'gone', ''}
end
local s = redis.call('HMGET', KEYS[2], 'status', 'id')
if s[1] ~= 'pending' or s[2] ~= ARGV[1] or redis.call('HEXISTS', KEYS[1], 'outcome') == 1 then
  return {'gone', ''}
end
local c = redis.call('HMGET', KEYS[1], 'gate_digit', 'code_plays', 'wrong_keys')
local plays = tonumber(c[2] or '0')
if plays == 0 then
  if not c[1] then
    return {'gone', ''}
  end
  if tonumber(c[3] or '0') >= tonumber(ARGV[3]) then
    return {'refused', ''}
  end
  if ARGV[2] ~= c[1] then
    local wrong = redis.call('HINCRBY', KEYS[1], 'wrong_keys', 1)
    if wrong >= tonumber(ARGV[3]) then
      return {'refused', ''}
    end
    return {'ask', c[1]}
  end
elseif ARGV[2] ~= '1' then
  return {'done', ''}
end
if plays >= tonumber(ARGV[4]) then
  return {'done', ''}
end
plays = redis.call('HINCRBY', KEYS[1], 'code_plays', 1)
return {'code', tostring(tonumber(ARGV[4]) - plays)}

#!lua
-- Marks a call heard: the request behind the Redirect that follows the last reading of the code
-- arrived. Only a call on which the code was spoken can be heard.
-- KEYS[1] call hash
-- Returns 1 when marked now, 0 when already heard, -1 when the code was never spoken on the call
local plays = tonumber(redis.call('HGET', KEYS[1], 'code_plays') or '0')
if plays == 0 then
  return -1
end
return redis.call('HSETNX', KEYS[1], 'heard', '1')

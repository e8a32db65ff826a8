using System.Globalization;
using StackExchange.Redis;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Calls;

// The answered part of a call record: machine verdict, gate digit, keys, readings of the code and
// whether it was heard. Each decision is one script, so concurrent or repeated webhooks agree.
public sealed class CallAnswerStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    private readonly IDatabase _db = redis.GetDatabase();

    public async Task<AnswerDecision> AnswerAsync(CallRef call, bool machine, char gateDigit, bool requireKeypress,
        int maxPlays)
    {
        var r = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.AnswerCall, Keys(call),
            [call.SessionId, gateDigit.ToString(), requireKeypress ? "1" : "0", machine ? "1" : "0", maxPlays]))!;
        return Decode(r);
    }

    public async Task<AnswerDecision> PressAsync(CallRef call, string digits, int keypressTries, int maxPlays)
    {
        var r = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.PressKey, Keys(call),
            [call.SessionId, digits, keypressTries, maxPlays]))!;
        return Decode(r);
    }

    // True the first time the request after the last reading arrives for a call that spoke the code.
    public async Task<bool> RecordHeardAsync(CallRef call) =>
        (int)await _db.ScriptEvaluateAsync(RedisScripts.RecordHeard, [Key(call)]) == 1;

    public async Task<CallAnswerState> FindStateAsync(CallRef call)
    {
        var v = await _db.HashGetAsync(Key(call), ["answered", "machine", "gate_digit", "wrong_keys", "code_plays", "heard"]);
        var gate = !v[2].IsNull;
        var plays = v[4].IsNull ? 0 : (int)v[4];
        return new CallAnswerState(!v[0].IsNull, !v[1].IsNull, gate, gate && plays > 0,
            v[3].IsNull ? 0 : (int)v[3], plays, !v[5].IsNull);
    }

    private RedisKey Key(CallRef call) => keys.Call(call.Phone, call.SessionId, call.CallNumber);

    private RedisKey[] Keys(CallRef call) => [Key(call), keys.Session(call.Phone)];

    private static AnswerDecision Decode(RedisResult[] r)
    {
        var value = (string?)r[1] ?? "";
        return (string?)r[0] switch
        {
            "machine" => new AnswerDecision(AnswerStep.Machine),
            "ask" when value.Length == 1 => new AnswerDecision(AnswerStep.AskKey, value[0]),
            "refused" => new AnswerDecision(AnswerStep.Refused),
            "done" => new AnswerDecision(AnswerStep.Done),
            "code" => new AnswerDecision(AnswerStep.SpeakCode,
                PlaysLeft: Math.Max(0, int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))),
            _ => new AnswerDecision(AnswerStep.Gone),
        };
    }
}

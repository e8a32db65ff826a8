#:project ../../VoiceOtp.Core/VoiceOtp.Core.csproj
// Seeds pending sessions whose code the benchmark knows, through the engine's own dispatch script
// (OtpSessionStore), before the engine starts; then empties the call queue, so that seeding rings
// nobody. No production API is involved: only Redis and the code key the bench gives both.
//   dotnet run scripts/bench/Seed.cs -- <redis> <key prefix> <code key base64> <code> <first number> <count> [...]
//                                       [queued <first number> <count>]
// Numbers are consecutive NANP numbers: "+16282000000 1000" seeds +16282000000 .. +16282000999.
// The sessions after "queued" keep their queued first call: the engine places them all as soon as it
// starts, which is how the benchmark measures calls per second without the dispatch path in front.
using System.Globalization;
using StackExchange.Redis;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;
using VoiceOtp.Core.Sessions;

// The password comes from the environment (REDISCLI_AUTH, as bench.sh exports it), never argv.
var config = ConfigurationOptions.Parse(args[0]);
config.Password = Environment.GetEnvironmentVariable("REDISCLI_AUTH");
config.CommandMap = CommandMap.Create(new HashSet<string> { "CONFIG" }, available: false);
var redis = await ConnectionMultiplexer.ConnectAsync(config);
var codeKeys = new CodeKeys(Convert.FromBase64String(args[2]));
var keys = new RedisKeys(args[1], codeKeys);
var hasher = new CodeHasher(codeKeys);
var sealer = new CodeSealer(codeKeys);
var store = new OtpSessionStore(redis, keys, new PhoneSealer(codeKeys));
if (!OtpCode.TryParse(args[3], out var code))
    throw new ArgumentException("the code must be digits");
var ttl = TimeSpan.FromHours(1);
var seeded = 0;
var queued = Array.IndexOf(args, "queued");
var plain = queued < 0 ? args.Length : queued;
for (var r = 4; r + 1 < plain; r += 2)
    await SeedAsync(args[r], args[r + 1]);
await redis.GetDatabase().KeyDeleteAsync(keys.ReadyCalls);
if (queued > 0)
    await SeedAsync(args[queued + 1], args[queued + 2]);
Console.WriteLine($"seeded {seeded} sessions");

async Task SeedAsync(string firstNumber, string countText)
{
    var first = long.Parse(firstNumber.TrimStart('+'), CultureInfo.InvariantCulture);
    var count = int.Parse(countText, CultureInfo.InvariantCulture);
    var inFlight = new List<Task>();
    for (var i = 0; i < count; i++)
    {
        if (!PhoneNumber.TryParse("+" + (first + i).ToString(CultureInfo.InvariantCulture), out var phone))
            throw new ArgumentException("not a valid number: +" + (first + i));
        var id = SessionId.New();
        inFlight.Add(store.OpenOrJoinAsync(phone!, new NewSession(id, hasher.Hash(phone!.E164, code), sealer.Seal(id, code),
            ttl, 20, 5, DateTimeOffset.UtcNow + ttl, "Bench")));
        if (inFlight.Count >= 512)
        {
            await Task.WhenAll(inFlight);
            inFlight.Clear();
        }
    }
    await Task.WhenAll(inFlight);
    seeded += count;
}

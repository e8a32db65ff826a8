using System.Globalization;
using System.Xml;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Web.PlivoSimulator;

// Plays Plivo's side of each placed call: it rings the callee, posts the signed answer request
// (with Machine when detection was asked for), plays the XML through PlivoXmlPlayer, and ends with
// the hangup callback, just as Plivo's servers would.
public sealed partial class SimulatedCallRunner(
    SimulatedPhoneNetwork network,
    WebhookSender sender,
    PlivoXmlPlayer player,
    IOptions<PlivoOptions> plivo,
    TimeProvider clock,
    ILogger<SimulatedCallRunner> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Log.Running(logger);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var placed in network.Pending.ReadAllAsync(stoppingToken))
            _ = RunAsync(placed, stoppingToken);
    }

    private async Task RunAsync(PlacedCall placed, CancellationToken ct)
    {
        var (call, callbacks, nth) = placed;
        ICallee callee = call.Interactive
            ? new PersonCallee()
            : new ScriptedCallee(call.Script, nth, TimeSpan.FromSeconds(plivo.Value.SimulatorAnswerDelaySeconds));
        var baseFields = BaseFields(call);
        try
        {
            call.Status = "ringing";
            if (callbacks.RingUrl is { } ringUrl)
                (await sender.SendAsync(callbacks.RingMethod, ringUrl,
                    [.. baseFields, new("CallStatus", "ringing"), new("Event", "Ring")], ct)).Dispose();
            RingResult ring;
            using (var ringing = CancellationTokenSource.CreateLinkedTokenSource(ct, call.Stopped.Token))
            {
                try
                {
                    ring = network.TakeUnanswered(call.To) ? RingResult.NoAnswer : await callee.RingAsync(call, callbacks.RingTimeout, ringing.Token);
                }
                catch (OperationCanceledException) when (call.Stopped.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    // Hung up through Plivo's API while ringing: Plivo reports such a call as "cancel".
                    call.Status = "cancel";
                    call.HangupCause = "ORIGINATOR_CANCEL";
                    await HangupAsync(call, callbacks, baseFields, "1010", "Originator Cancel", 0, ct, source: "API");
                    return;
                }
            }
            if (ring != RingResult.Answered)
            {
                var busy = ring == RingResult.Busy;
                call.Status = busy ? "busy" : "no-answer";
                call.HangupCause = busy ? "USER_BUSY" : "NO_ANSWER";
                await HangupAsync(call, callbacks, baseFields, busy ? "3010" : "3000", busy ? "Busy Line" : "No Answer", 0, ct);
                return;
            }
            await PlayAnsweredAsync(call, callee, callbacks, baseFields, ct);
        }
        catch (Exception e) when (e is HttpRequestException or XmlException or FormatException or TaskCanceledException)
        {
            call.Status = "failed";
            Log.CallFailed(logger, call.RequestUuid, e.GetType().Name);
        }
    }

    private async Task PlayAnsweredAsync(SimulatedCall call, ICallee callee, CallCallbacks callbacks,
        List<KeyValuePair<string, string>> baseFields, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        call.Status = "in-progress";
        call.AnsweredBy = callee.IsMachine ? "machine" : "human";
        List<KeyValuePair<string, string>> liveFields = [.. baseFields, new("CallStatus", "in-progress")];
        List<KeyValuePair<string, string>> answerFields = [.. liveFields, new("Event", "StartApp"),
            new("SessionStart", started.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))];
        if (callbacks.MachineDetection)
            answerFields.Add(new("Machine", callee.IsMachine ? "true" : "false"));

        using var answer = await sender.SendAsync(callbacks.AnswerMethod, callbacks.AnswerUrl, answerFields, ct);
        call.AnswerHttpStatus = (int)answer.StatusCode;
        var end = PlayEnd.XmlError;
        if (answer.IsSuccessStatusCode)
        {
            try
            {
                end = await player.PlayAsync(call, callee, await answer.Content.ReadAsStringAsync(ct), liveFields, ct);
            }
            catch (OperationCanceledException) when (call.HungUp.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                end = PlayEnd.CalleeHungUp;
            }
        }
        call.Status = "completed";
        call.HangupCause = end == PlayEnd.XmlError ? "ANSWER_URL_ERROR" : "NORMAL_CLEARING";
        var (code, name) = end switch
        {
            PlayEnd.HangupElement => ("4000", "Normal Hangup"),
            PlayEnd.CalleeHungUp => ("4000", "Normal Hangup"),
            PlayEnd.EndOfXml => ("4010", "End Of XML Instructions"),
            _ => ("7011", "Invalid Answer XML"),
        };
        // A scripted callee hears everything at once, so it reports a typical call's 18 s; a person on
        // the simulated phone reports the real time.
        var seconds = call.Interactive ? (int)Math.Ceiling((clock.GetUtcNow() - started).TotalSeconds) : 18;
        await HangupAsync(call, callbacks, baseFields, code, name, end == PlayEnd.XmlError ? 0 : Math.Max(1, seconds), ct,
            source: end switch { PlayEnd.CalleeHungUp => "Callee", PlayEnd.HangupElement => "Answer XML", _ => "Plivo" });
    }

    private async Task HangupAsync(SimulatedCall call, CallCallbacks callbacks, List<KeyValuePair<string, string>> baseFields,
        string causeCode, string causeName, int duration, CancellationToken ct, string source = "Plivo")
    {
        if (callbacks.HangupUrl is null)
            return;
        List<KeyValuePair<string, string>> fields = [.. baseFields,
            new("CallStatus", call.Status), new("Event", "Hangup"), new("HangupCause", call.HangupCause ?? ""),
            new("HangupCauseCode", causeCode), new("HangupCauseName", causeName), new("HangupSource", source),
            new("Duration", duration.ToString(CultureInfo.InvariantCulture)),
            new("BillDuration", duration.ToString(CultureInfo.InvariantCulture)),
        ];
        using var hangup = await sender.SendAsync(callbacks.HangupMethod, callbacks.HangupUrl, fields, ct);
        call.HangupHttpStatus = (int)hangup.StatusCode;
    }

    private static List<KeyValuePair<string, string>> BaseFields(SimulatedCall call) =>
    [
        new("CallUUID", call.CallUuid), new("RequestUUID", call.RequestUuid), new("ALegUUID", call.CallUuid),
        new("ALegRequestUUID", call.RequestUuid), new("From", call.From.TrimStart('+')), new("To", call.To.TrimStart('+')),
        new("Direction", "outbound"), new("BillRate", "0.0065"),
    ];
}

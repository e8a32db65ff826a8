using Microsoft.Extensions.Options;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Web.PlivoSimulator;

// Plivo's two ways to stop a call, served in-process: DELETE …/Request/{request_uuid}/ cancels a call
// still queued, DELETE …/Call/{call_uuid}/ hangs up one that rings or is in progress. Like Plivo, each
// answers 204 when it acted and 404 when the call is not (or no longer) in that state. A stopped call
// ends as "cancel", as Plivo reports a call hung up before it was answered (the runner does that).
public static class SimulatorStopCallEndpoint
{
    public static IResult CancelQueued(string authId, string requestUuid, HttpRequest request, SimulatedPhoneNetwork network,
        IOptions<PlivoOptions> plivo) =>
        Stop(authId, request, plivo.Value, network.Calls.FirstOrDefault(c => c.RequestUuid == requestUuid), "queued");

    public static IResult HangUp(string authId, string callUuid, HttpRequest request, SimulatedPhoneNetwork network,
        IOptions<PlivoOptions> plivo) =>
        Stop(authId, request, plivo.Value, network.Calls.FirstOrDefault(c => c.CallUuid == callUuid), "ringing", "in-progress");

    private static IResult Stop(string authId, HttpRequest request, PlivoOptions plivo, SimulatedCall? call, params string[] states)
    {
        if (authId != plivo.AuthId || !SimulatorMakeCallEndpoint.HasCredentials(request, plivo))
            return Results.Json(new { api_id = Guid.NewGuid(), error = "Authentication credentials invalid" }, statusCode: 401);
        if (call is null || !states.Contains(call.Status))
            return Results.Json(new { api_id = Guid.NewGuid(), error = "not found" }, statusCode: 404);
        call.Stopped.Cancel();
        // An answered call ends like one the callee hung up; a ringing one ends as "cancel".
        if (call.Status == "in-progress")
            call.HungUp.Cancel();
        return Results.NoContent();
    }
}

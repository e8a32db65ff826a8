using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VoiceOtp.Core;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.PublicApi;

// POST /verify_otp without MVC: the path a brute force drives, where MVC's action pipeline cost a
// fifth of the engine's CPU per answer (README, Benchmarks). The body, its errors and the answers
// are the controllers' own (JsonBody, ApiAnswers); its OpenAPI entry is declared below.
public static class VerifyOtpEndpoint
{
    public const string Route = "/verify_otp";

    private static readonly ProducesResponseTypeAttribute[] Responses =
    [
        new ProducesResponseTypeAttribute<ApiResponse>(StatusCodes.Status200OK),
        new ProducesResponseTypeAttribute<ApiResponse>(StatusCodes.Status400BadRequest),
        new ProducesResponseTypeAttribute<ApiResponse>(StatusCodes.Status401Unauthorized),
        new ProducesResponseTypeAttribute<ApiResponse>(StatusCodes.Status404NotFound),
        new ProducesResponseTypeAttribute<ApiResponse>(StatusCodes.Status413PayloadTooLarge),
        new ProducesResponseTypeAttribute<ApiResponse>(StatusCodes.Status415UnsupportedMediaType),
        new ProducesResponseTypeAttribute<ApiResponse>(StatusCodes.Status422UnprocessableEntity),
        new ProducesResponseTypeAttribute<ApiResponse>(StatusCodes.Status429TooManyRequests) { Description = ApiDescriptions.VerifyLimited },
        new ProducesResponseTypeAttribute<ApiResponse>(StatusCodes.Status503ServiceUnavailable) { Description = ApiDescriptions.Unavailable },
    ];

    public static IEndpointConventionBuilder MapVerifyOtp(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, HandleAsync)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .Accepts<VerifyOtpRequest>("application/json", "text/json", "application/*+json")
            .WithTags("VerifyOtp")
            .WithMetadata([.. Responses, PublicApiEndpoint.Marker]);

    // Malformed input is answered before any state is touched, so a typo never costs an attempt.
    private static async Task HandleAsync(HttpContext context, OtpVerifier verifier, IOptions<VoiceOtpOptions> options)
    {
        var body = await JsonBody.ReadAsync<VerifyOtpRequest>(context.Request);
        if (body.UnsupportedMediaType)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        var answer = body.Refusal ?? await AnswerAsync(body.Value!, context, verifier, options.Value.CodeLength);
        await answer.WriteAsync(context.Response);
    }

    private static async Task<ApiAnswer> AnswerAsync(VerifyOtpRequest request, HttpContext context, OtpVerifier verifier, int length)
    {
        if (!OtpCode.TryParse(request.Otp, out var code) || code.Length != length)
            return ApiAnswers.Invalid($"otp must be a string of {length} digits");
        if ((request.DestinationNumber is null) == (request.SessionUuid is null))
            return ApiAnswers.Invalid("give exactly one of destination_number and session_uuid");
        if (!RequestOrigin.TryCreate(context.User.ApiKeyId(), request.ClientIp, request.RateLimitKey, out var origin, out var error))
            return ApiAnswers.Invalid(error);
        if (request.SessionUuid is not null)
        {
            return SessionId.IsWellFormed(request.SessionUuid)
                ? ApiAnswers.For(await verifier.VerifyBySessionAsync(request.SessionUuid.ToLowerInvariant(), code, origin))
                : ApiAnswers.Invalid("session_uuid must be a UUID");
        }
        return PhoneNumber.TryParse(request.DestinationNumber, out var phone)
            ? ApiAnswers.For(await verifier.VerifyByNumberAsync(phone!, code, origin))
            : ApiAnswers.InvalidNumber;
    }
}

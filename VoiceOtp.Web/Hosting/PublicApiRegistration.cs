using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using VoiceOtp.Web.PublicApi;

namespace VoiceOtp.Web.Hosting;

public static class PublicApiRegistration
{
    public static readonly JsonSerializerSettings JsonSettings = Configure(new JsonSerializerSettings());

    // For bodies read and answers written outside MVC: one serializer for all, where JsonConvert
    // would build a new one from the settings each time.
    public static readonly JsonSerializer Serializer = JsonSerializer.Create(JsonSettings);

    public static IServiceCollection AddPublicApi(this IServiceCollection services)
    {
        services.AddControllers()
            .AddNewtonsoftJson(o =>
            {
                Configure(o.SerializerSettings);
                // Json.NET's messages quote the offending input, which may be a code.
                o.AllowInputFormatterExceptionMessages = false;
            })
            .ConfigureApiBehaviorOptions(o =>
            {
                o.InvalidModelStateResponseFactory = InvalidRequestResponse.Create;
                // Bare 4xx results (415, 404) go to the status-code page, which answers in our own
                // JSON shape instead of problem+json.
                o.SuppressMapClientErrors = true;
            });
        services.AddSingleton<ApiKeyDigests>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddExceptionHandler<InfrastructureExceptionHandler>();
        services.AddProblemDetails();
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
            k.Limits.MaxRequestBodySize = 64 * 1024);
        return services;
    }

    private static JsonSerializerSettings Configure(JsonSerializerSettings s)
    {
        s.ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() };
        s.DateFormatHandling = DateFormatHandling.IsoDateFormat;
        // A key the request type does not have is a caller's mistake (or probe), not something to ignore.
        s.MissingMemberHandling = MissingMemberHandling.Error;
        s.MaxDepth = 16;
        // Strings stay strings: no date sniffing, and numbers, booleans, arrays or objects are not
        // read into string fields.
        s.DateParseHandling = DateParseHandling.None;
        s.Converters.Add(new StrictStringConverter());
        return s;
    }
}

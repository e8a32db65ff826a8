using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using VoiceOtp.Web.PublicApi;

namespace VoiceOtp.Web.Hosting;

// The public API's OpenAPI document at /openapi/v1.json. Webhooks, the simulator and operator
// endpoints are not part of the product's contract, so only the PublicApi controllers and the
// endpoints marked PublicApiEndpoint are listed.
public static class OpenApiRegistration
{
    private const string Scheme = "Bearer";

    public static IServiceCollection AddPublicApiDocument(this IServiceCollection services)
    {
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.ActionDescriptor is ControllerActionDescriptor c
                ? c.ControllerTypeInfo.Namespace == typeof(DispatchOtpController).Namespace
                : d.ActionDescriptor.EndpointMetadata.Contains(PublicApiEndpoint.Marker);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "VoiceOtp",
                    Version = "v1",
                    Description = "Voice one-time passwords: dispatch a code by phone call, then verify it.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [Scheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "One of VoiceOtp:ApiKeys, sent as 'Authorization: Bearer <key>'",
                    },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapPublicApiDocument(this WebApplication app, bool interactivePage)
    {
        app.MapOpenApi();
        if (interactivePage)
            app.MapScalarApiReference();
        return app;
    }
}

using Microsoft.Extensions.FileProviders;

namespace VoiceOtp.Web.Demo;

// Only registered and mapped when Demo:Enabled is true. The page is plain HTML, CSS and JavaScript
// embedded in this assembly, so it needs no build step and is found wherever the app runs.
public static class DemoRegistration
{
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{DemoOptions.Section}:Enabled");

    public static IServiceCollection AddDemo(this IServiceCollection services, bool simulator)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
            .Validate(o => o.ResendAfterSeconds is >= 0 and <= 3600, "Demo:ResendAfterSeconds must be between 0 and 3600")
            .ValidateOnStart();
        services.AddSingleton<DemoResendThrottle>();
        if (simulator)
            services.AddSingleton<DemoPhone>();
        return services;
    }

    public static WebApplication UseDemo(this WebApplication app, bool simulator)
    {
        var files = new EmbeddedFileProvider(typeof(DemoRegistration).Assembly, "VoiceOtp.Web.Demo.wwwroot");
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/demo"), demo =>
        {
            demo.UseMiddleware<DemoAccessGate>();
            demo.UseDefaultFiles(new DefaultFilesOptions { RequestPath = "/demo", FileProvider = files });
            demo.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = "/demo",
                FileProvider = files,
                OnPrepareResponse = f => f.Context.Response.Headers.ContentSecurityPolicy =
                    "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'",
            });
        });

        var api = app.MapGroup("/demo/api");
        api.MapGet("/config", DemoFlowEndpoints.Config);
        api.MapPost("/start", DemoFlowEndpoints.StartAsync);
        api.MapPost("/resend", DemoFlowEndpoints.StartAsync);
        api.MapPost("/verify", DemoFlowEndpoints.VerifyAsync);
        api.MapPost("/status", DemoFlowEndpoints.StatusAsync);
        if (simulator)
            api.MapDemoPhone();
        return app;
    }
}

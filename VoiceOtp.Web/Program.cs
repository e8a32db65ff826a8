using VoiceOtp.Web.Demo;
using VoiceOtp.Web.Hosting;
using VoiceOtp.Web.PlivoSimulator;
using VoiceOtp.Web.PublicApi;

namespace VoiceOtp.Web;

// The composition root, kept as a table of contents; each Add/Map call lives in Hosting/.
public static class Program
{
    public static WebApplication BuildApp(string[] args)
    {
        // Named explicitly so that controllers are found when the tests host the app in-process, and
        // rooted at the binaries so that appsettings.json (whose log levels keep call tokens out of
        // request logs) is found whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var simulator = builder.Configuration.GetValue<bool>("Plivo:Simulator");
        var demo = DemoRegistration.IsEnabled(builder.Configuration);
        var interactiveApiPage = builder.Environment.IsDevelopment() || demo;

        builder.Services
            .AddVoiceOtpOptions()
            .AddVoiceOtpRedis()
            .AddVoiceOtpCore()
            .AddSessionEvents()
            .AddPlivo()
            .AddVoiceOtpHangfire()
            .AddPublicApi()
            .AddVoiceOtpHealth()
            .AddVoiceOtpMetrics()
            .AddPublicApiDocument()
            .AddReverseProxySupport();
        if (simulator)
            builder.Services.AddPlivoSimulator();
        if (demo)
            builder.Services.AddDemo(simulator);

        var app = builder.Build();
        // Before anything is mapped: mapping the dashboard already opens the job storage.
        StartupErrors.ThrowIfAny(app.Services);
        app.UseReverseProxySupport();
        app.UsePublicApiErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        if (demo)
            app.UseDemo(simulator);
        app.MapControllers();
        app.MapVerifyOtp();
        app.MapJobsDashboard();
        app.MapVoiceOtpHealth();
        app.MapVoiceOtpMetrics();
        app.MapPublicApiDocument(interactiveApiPage);
        if (simulator)
            app.MapPlivoSimulator();
        return app;
    }

    public static int Main(string[] args)
    {
        WebApplication app;
        try
        {
            app = BuildApp(args);
        }
        catch (StartupException e)
        {
            foreach (var problem in e.Problems)
                Console.Error.WriteLine(problem);
            return 1;
        }
        app.Run();
        return 0;
    }
}

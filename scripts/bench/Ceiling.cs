#:sdk Microsoft.NET.Sdk.Web
// The machine's HTTP ceiling, for the benchmark only: bare Kestrel that reads the body and answers
// 404 with a JSON body like the engine's, with no MVC, no authentication and no Redis. Its rows say
// how fast any answer can be on these cores with wrk beside it, which puts the engine's figures in
// proportion.
//   dotnet run scripts/bench/Ceiling.cs -- <port>
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls($"http://127.0.0.1:{args[0]}");
builder.Logging.ClearProviders();
var app = builder.Build();
var answer = System.Text.Encoding.UTF8.GetBytes("{\"status\":\"not_found\",\"message\":\"no code is pending for this number\"}");
app.Run(async context =>
{
    var buffer = new byte[4096];
    while (await context.Request.Body.ReadAsync(buffer) > 0)
    {
    }
    context.Response.StatusCode = 404;
    context.Response.ContentType = "application/json; charset=utf-8";
    await context.Response.Body.WriteAsync(answer);
});
app.Run();

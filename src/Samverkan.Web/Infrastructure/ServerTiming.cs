using System.Diagnostics;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// Adds <c>Server-Timing: app;dur=…</c> to every response so benchmarks (and browsers' dev tools) can see
/// the time spent inside the app, apart from the network and the client.
/// </summary>
public static class ServerTiming
{
    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = $"app;dur={ms.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}";
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>
    /// A constant JSON answer of a given size, served by the same host: the floor the benchmark compares the
    /// real endpoints against. Only mapped when <c>Samverkan:BenchmarkEndpoints</c> is true.
    /// </summary>
    public static void MapBenchmarkEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Samverkan:BenchmarkEndpoints", false)) return;
        app.MapGet("/bench/bare", (int? bytes) =>
        {
            // Up to 16 MB: the comparison matrix of a large region answers about a megabyte.
            var size = Math.Clamp(bytes ?? 2048, 16, 16_000_000);
            var body = "{\"items\":\"" + new string('x', size - 13) + "\"}";
            return Results.Text(body, "application/json");
        }).ExcludeFromDescription();
    }
}

using System.Globalization;
using System.Text;

namespace Samverkan.Benchmarks;

/// <summary>Issue #2: the start page and GET /api/v1/municipalities?county=20 beside the bare endpoint.</summary>
public static class FoundationSuite
{
    public static async Task<Report> RunAsync(Session session)
    {
        var start = new Endpoint("Start page `/`", "/");
        const string ApiPath = "/api/v1/municipalities?county=20";
        var api = new Endpoint($"API `{ApiPath}`", ApiPath);
        Endpoint[] endpoints = [start, api, await session.BareLikeAsync(api)];
        var results = await session.RunAsync(endpoints);

        var c = session.Options.Concurrency;
        var text = new StringBuilder(session.Table(endpoints, results));
        var ratio = results.Loaded[1].RequestsPerSecond / results.Loaded[2].RequestsPerSecond;
        var startServer = results.ServerMedian(0);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- API throughput / bare throughput: **{ratio:P0}** (target ≥ 50 %: {(ratio >= 0.5 ? "met" : "NOT met")})");
        if (results.Loaded[1].ServerCpuMsPerRequest is { } apiCpu && results.Loaded[2].ServerCpuMsPerRequest is { } bareCpu && apiCpu > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"- Server CPU per request, bare / API: {bareCpu / apiCpu:P0} (the throughput ratio to expect when the server alone is CPU-bound; it hardly depends on other load)");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Start page server time, median: **{startServer:0.00} ms** one at a time, {results.Loaded[0].ServerMedian:0.00} ms at concurrency {c} (target ≤ 20 ms: {(startServer <= 20 ? "met" : "NOT met")}{(results.Loaded[0].ServerMedian > 20 && startServer <= 20 ? $"; not at concurrency {c}" : "")})");
        text.Append(session.MethodAndMachine(results));
        return new Report(text.ToString(), results.AllAnswered);
    }
}

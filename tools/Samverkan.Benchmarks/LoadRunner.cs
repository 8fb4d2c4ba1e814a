using System.Diagnostics;
using System.Globalization;

namespace Samverkan.Benchmarks;

/// <summary>What is measured: a path, sent signed in with an API key when <see cref="Token"/> is set.</summary>
public sealed record Endpoint(string Name, string Path, string? Token = null);

public sealed record Measurement(
    string Name, string Path, long ResponseBytes, int Concurrency, TimeSpan Elapsed, int Requests, int Errors,
    double[] ClientMs, double[] ServerMs, TimeSpan? ServerCpu)
{
    /// <summary>CPU the server process spent per answered request: unlike latency, hardly moved by other load on the machine.</summary>
    public double? ServerCpuMsPerRequest => ServerCpu is { } cpu && Requests > 0 ? cpu.TotalMilliseconds / Requests : null;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
    public double ClientMedian => Stats.Percentile(ClientMs, 50);
    public double ClientP95 => Stats.Percentile(ClientMs, 95);
    public double ServerMedian => Stats.Percentile(ServerMs, 50);
}

/// <summary>
/// A closed loop: each of N workers sends a request, reads the whole body and sends the next, for a fixed time.
/// Throughput is then what the server sustains with N requests in flight, and nothing queues up unboundedly.
/// </summary>
public sealed class LoadRunner(HttpClient http, ProcessCpu? serverCpu)
{
    /// <summary>Runs the endpoint for a while with nothing recorded: JIT, connection pool and database caches settle.</summary>
    public Task WarmUpAsync(Endpoint endpoint, int concurrency, TimeSpan duration) => LoopAsync(endpoint, concurrency, duration);

    /// <summary>One measured stretch; <see cref="Combine"/> adds up the rounds of one endpoint.</summary>
    public async Task<Measurement> MeasureAsync(Endpoint endpoint, int concurrency, TimeSpan duration)
    {
        var cpuBefore = serverCpu?.Read();
        var started = Stopwatch.GetTimestamp();
        var samples = await LoopAsync(endpoint, concurrency, duration);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuAfter = serverCpu?.Read();
        var ok = samples.Where(s => s.Ok).ToList();
        return new Measurement(endpoint.Name, endpoint.Path, ok.Count > 0 ? ok[0].Bytes : 0, concurrency, elapsed, ok.Count, samples.Count - ok.Count,
            ok.Select(s => s.ClientMs).ToArray(), ok.Where(s => s.ServerMs is not null).Select(s => s.ServerMs!.Value).ToArray(),
            cpuBefore is not null && cpuAfter is not null ? cpuAfter - cpuBefore : null);
    }

    public static Measurement Combine(IReadOnlyList<Measurement> rounds) => rounds[0] with
    {
        Elapsed = TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)),
        Requests = rounds.Sum(r => r.Requests),
        Errors = rounds.Sum(r => r.Errors),
        ClientMs = rounds.SelectMany(r => r.ClientMs).ToArray(),
        ServerMs = rounds.SelectMany(r => r.ServerMs).ToArray(),
        ServerCpu = rounds.All(r => r.ServerCpu is not null) ? TimeSpan.FromTicks(rounds.Sum(r => r.ServerCpu!.Value.Ticks)) : null,
    };

    private async Task<List<Sample>> LoopAsync(Endpoint endpoint, int concurrency, TimeSpan duration)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var samples = new List<Sample>(4096);
            while (Stopwatch.GetTimestamp() < stopAt) samples.Add(await SendAsync(endpoint));
            return samples;
        }));
        return (await Task.WhenAll(workers)).SelectMany(s => s).ToList();
    }

    public async Task<Sample> SendAsync(Endpoint endpoint)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.Path);
            if (endpoint.Token is not null) request.Headers.Authorization = new("Bearer", endpoint.Token);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new Sample(response.IsSuccessStatusCode, ms, ServerTime(response), body.LongLength);
        }
        catch (HttpRequestException)
        {
            return new Sample(false, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, 0);
        }
    }

    /// <summary>Reads <c>app;dur=12.3</c> from the Server-Timing header the app adds to every response.</summary>
    public static double? ServerTime(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var values)) return null;
        foreach (var metric in values.SelectMany(v => v.Split(',')))
        {
            var parts = metric.Split(';', StringSplitOptions.TrimEntries);
            if (parts[0] != "app") continue;
            foreach (var p in parts.Skip(1))
                if (p.StartsWith("dur=", StringComparison.Ordinal)
                    && double.TryParse(p.AsSpan(4), NumberStyles.Float, CultureInfo.InvariantCulture, out var dur))
                    return dur;
        }
        return null;
    }

    public readonly record struct Sample(bool Ok, double ClientMs, double? ServerMs, long Bytes);
}

public static class Stats
{
    /// <summary>Nearest-rank percentile; NaN for no samples.</summary>
    public static double Percentile(double[] values, double percent)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

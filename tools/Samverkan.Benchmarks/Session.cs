using System.Globalization;
using System.Net;
using System.Text;

namespace Samverkan.Benchmarks;

/// <summary>Every endpoint measured under load (in rounds, taken in turn) and one request at a time.</summary>
public sealed record Results(IReadOnlyList<Measurement> Loaded, IReadOnlyList<Measurement?> Sequential, string LoadBefore, string LoadAfter)
{
    public bool AllAnswered => Loaded.Concat(Sequential.OfType<Measurement>()).All(m => m.Errors == 0 && m.Requests > 0);

    /// <summary>The median server time one request at a time where measured, else under load.</summary>
    public double ServerMedian(int endpoint) => Sequential[endpoint]?.ServerMedian ?? Loaded[endpoint].ServerMedian;
}

/// <summary>The parts both suites share: matching the bare endpoint's size, the measuring schedule and the table.</summary>
public sealed class Session(HttpClient http, Options options)
{
    public Options Options => options;
    public MachineInfo Machine { get; } = MachineInfo.Read();
    public string Date { get; } = MachineInfo.Today();

    public async Task<Results> RunAsync(IReadOnlyList<Endpoint> endpoints)
    {
        var runner = new LoadRunner(http, options.ServerPid is { } pid ? new ProcessCpu(pid) : null);
        var roundTime = options.Duration / options.Rounds;
        Console.Error.WriteLine($"benchmark: {options.BaseUrl} — {endpoints.Count} endpoints, {options.WarmUp.TotalSeconds:0.#} s warm-up, " +
            $"{options.Rounds} × {roundTime.TotalSeconds:0.##} s at concurrency {options.Concurrency}, {options.SequentialDuration.TotalSeconds:0.#} s sequential");
        var loadBefore = MachineInfo.LoadAverageNow();

        foreach (var endpoint in endpoints) await runner.WarmUpAsync(endpoint, options.Concurrency, options.WarmUp);
        var rounds = endpoints.Select(_ => new List<Measurement>()).ToArray();
        for (var r = 0; r < options.Rounds; r++)
            for (var e = 0; e < endpoints.Count; e++)
                rounds[e].Add(await runner.MeasureAsync(endpoints[e], options.Concurrency, roundTime));
        var sequential = new Measurement?[endpoints.Count];
        if (options.SequentialDuration > TimeSpan.Zero)
            for (var e = 0; e < endpoints.Count; e++)
                sequential[e] = await runner.MeasureAsync(endpoints[e], 1, options.SequentialDuration);
        return new Results(rounds.Select(LoadRunner.Combine).ToArray(), sequential, loadBefore, MachineInfo.LoadAverageNow());
    }

    /// <summary>
    /// The bare endpoint answering exactly as many bytes as <paramref name="real"/>, so both pay the same for writing
    /// the body. Sent without the API key: the floor is the host without any of our code, sign-in included.
    /// </summary>
    public async Task<Endpoint> BareLikeAsync(Endpoint real)
    {
        var bytes = await BodyLengthAsync(real);
        var path = $"/bench/bare?bytes={bytes}";
        var bareBytes = await BodyLengthAsync(new Endpoint("bare", path));
        if (bareBytes != bytes)
        {
            // The endpoint may count its JSON framing differently; ask again for the difference.
            path = $"/bench/bare?bytes={2 * bytes - bareBytes}";
            bareBytes = await BodyLengthAsync(new Endpoint("bare", path));
            if (bareBytes != bytes)
                throw new InvalidOperationException($"The bare endpoint answers {bareBytes} bytes, not {bytes} as {real.Path} does.");
        }
        return new Endpoint($"Bare JSON `{path}`", path);
    }

    public async Task<long> BodyLengthAsync(Endpoint endpoint) => (await GetAsync(endpoint)).LongLength;

    public async Task<byte[]> GetAsync(Endpoint endpoint)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.Path);
        if (endpoint.Token is not null) request.Headers.Authorization = new("Bearer", endpoint.Token);
        using var response = await http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound && endpoint.Path.StartsWith("/bench/", StringComparison.Ordinal))
            throw new InvalidOperationException("GET /bench/bare answered 404: start the app with Samverkan__BenchmarkEndpoints=true.");
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {endpoint.Path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public string Table(IReadOnlyList<Endpoint> endpoints, Results results)
    {
        var c = options.Concurrency;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| Endpoint | Body (bytes) | Requests/s (c={c}) | Client p50 ms (c={c}) | Client p95 ms (c={c}) | Server p50 ms (c={c}) | Client p50 ms (c=1) | Server p50 ms (c=1) | Server CPU ms/request | Errors |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var e = 0; e < endpoints.Count; e++)
        {
            var m = results.Loaded[e];
            var s = results.Sequential[e];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Name} | {m.ResponseBytes} | {m.RequestsPerSecond:0} | {m.ClientMedian:0.00} | {m.ClientP95:0.00} | {m.ServerMedian:0.00} | {Ms(s?.ClientMedian)} | {Ms(s?.ServerMedian)} | {(m.ServerCpuMsPerRequest is { } cpu ? cpu.ToString("0.000", CultureInfo.InvariantCulture) : "–")} | {m.Errors + (s?.Errors ?? 0)} |");
        }
        return text.ToString();
    }

    public string MethodAndMachine(Results results)
    {
        var c = options.Concurrency;
        var roundTime = options.Duration / options.Rounds;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Method: closed loop, {c} requests in flight over {c} kept-alive HTTP/1.1 connections on loopback; {options.WarmUp.TotalSeconds:0.#} s warm-up per endpoint, then {options.Rounds} rounds of {roundTime.TotalSeconds:0.##} s per endpoint taken in turn ({options.Duration.TotalSeconds:0.#} s each in all), then {options.SequentialDuration.TotalSeconds:0.#} s per endpoint one request at a time. Client latency includes reading the whole body; server time is the app's own `Server-Timing: app;dur` (until the response starts); server CPU is the app process's user+system time from /proc during the measured rounds, divided by the requests answered.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Machine.Processors} logical CPUs, {Machine.CpuModel}, {Machine.Memory} RAM, {Machine.Os}, {Machine.Runtime}; load average {results.LoadBefore} before, {results.LoadAfter} after (client and server share the CPUs).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {Date}");
        return text.ToString();
    }

    private static string Ms(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}

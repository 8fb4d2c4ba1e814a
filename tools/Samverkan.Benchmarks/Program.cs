using System.Globalization;
using System.Net;
using System.Text;
using Samverkan.Benchmarks;

// Drives a running Samverkan from a second process and compares real endpoints with a bare endpoint of the same
// host that returns constant JSON of the same size: the difference is what our own code costs per request.
Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 64;
}

using var http = new HttpClient(new SocketsHttpHandler
{
    // One connection per worker, kept open: we measure the app, not TCP handshakes.
    MaxConnectionsPerServer = options.Concurrency,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
    UseProxy = false,
})
{
    BaseAddress = options.BaseUrl,
    Timeout = TimeSpan.FromSeconds(30),
};

const string StartPath = "/";
const string ApiPath = "/api/v1/municipalities?county=20";
var machine = MachineInfo.Read();
var date = MachineInfo.Today();

// The bare endpoint must answer with exactly as many bytes as the API, so both pay the same for writing the body.
var apiBytes = await BodyLengthAsync(ApiPath);
var barePath = $"/bench/bare?bytes={apiBytes}";
var bareBytes = await BodyLengthAsync(barePath);
if (bareBytes != apiBytes)
{
    // The endpoint may count its JSON framing differently; ask again for the difference.
    barePath = $"/bench/bare?bytes={2 * apiBytes - bareBytes}";
    bareBytes = await BodyLengthAsync(barePath);
    if (bareBytes != apiBytes) return Fail($"The bare endpoint answers {bareBytes} bytes, not {apiBytes} as the API does.");
}

(string Name, string Path)[] endpoints = [("Start page `/`", StartPath), ($"API `{ApiPath}`", ApiPath), ($"Bare JSON `{barePath}`", barePath)];
var runner = new LoadRunner(http, options.ServerPid is { } pid ? new ProcessCpu(pid) : null);
var roundTime = options.Duration / options.Rounds;
Console.Error.WriteLine($"benchmark: {options.BaseUrl} — {endpoints.Length} endpoints, {options.WarmUp.TotalSeconds:0.#} s warm-up, " +
    $"{options.Rounds} × {roundTime.TotalSeconds:0.##} s at concurrency {options.Concurrency}, {options.SequentialDuration.TotalSeconds:0.#} s sequential");
var loadBefore = MachineInfo.LoadAverageNow();

foreach (var (_, path) in endpoints) await runner.WarmUpAsync(path, options.Concurrency, options.WarmUp);
var rounds = endpoints.Select(_ => new List<Measurement>()).ToArray();
for (var r = 0; r < options.Rounds; r++)
    for (var e = 0; e < endpoints.Length; e++)
        rounds[e].Add(await runner.MeasureAsync(endpoints[e].Name, endpoints[e].Path, options.Concurrency, roundTime));
var loaded = rounds.Select(LoadRunner.Combine).ToArray();
var sequential = new Measurement?[endpoints.Length];
if (options.SequentialDuration > TimeSpan.Zero)
    for (var e = 0; e < endpoints.Length; e++)
        sequential[e] = await runner.MeasureAsync(endpoints[e].Name, endpoints[e].Path, 1, options.SequentialDuration);
var loadAfter = MachineInfo.LoadAverageNow();

var report = Report();
Console.WriteLine(report);
if (options.MarkdownPath is not null) await File.WriteAllTextAsync(options.MarkdownPath, report);
return loaded.Concat(sequential.OfType<Measurement>()).Any(m => m.Errors > 0 || m.Requests == 0) ? 1 : 0;

string Report()
{
    var c = options.Concurrency;
    var text = new StringBuilder();
    text.AppendLine(CultureInfo.InvariantCulture, $"| Endpoint | Body (bytes) | Requests/s (c={c}) | Client p50 ms (c={c}) | Client p95 ms (c={c}) | Server p50 ms (c={c}) | Server p50 ms (c=1) | Server CPU ms/request | Errors |");
    text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (var e = 0; e < endpoints.Length; e++)
    {
        var m = loaded[e];
        var s = sequential[e];
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {m.Name} | {m.ResponseBytes} | {m.RequestsPerSecond:0} | {m.ClientMedian:0.00} | {m.ClientP95:0.00} | {m.ServerMedian:0.00} | {(s is null ? "–" : s.ServerMedian.ToString("0.00", CultureInfo.InvariantCulture))} | {(m.ServerCpuMsPerRequest is { } cpu ? cpu.ToString("0.000", CultureInfo.InvariantCulture) : "–")} | {m.Errors + (s?.Errors ?? 0)} |");
    }
    var ratio = loaded[1].RequestsPerSecond / loaded[2].RequestsPerSecond;
    var startServer = sequential[0]?.ServerMedian ?? loaded[0].ServerMedian;
    text.AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"- API throughput / bare throughput: **{ratio:P0}** (target ≥ 50 %: {(ratio >= 0.5 ? "met" : "NOT met")})");
    if (loaded[1].ServerCpuMsPerRequest is { } apiCpu && loaded[2].ServerCpuMsPerRequest is { } bareCpu && apiCpu > 0)
        text.AppendLine(CultureInfo.InvariantCulture, $"- Server CPU per request, bare / API: {bareCpu / apiCpu:P0} (the throughput ratio to expect when the server alone is CPU-bound; it hardly depends on other load)");
    text.AppendLine(CultureInfo.InvariantCulture, $"- Start page server time, median: **{startServer:0.00} ms** one at a time, {loaded[0].ServerMedian:0.00} ms at concurrency {c} (target ≤ 20 ms: {(startServer <= 20 ? "met" : "NOT met")}{(loaded[0].ServerMedian > 20 && startServer <= 20 ? $"; not at concurrency {c}" : "")})");
    text.AppendLine(CultureInfo.InvariantCulture, $"- Method: closed loop, {c} requests in flight over {c} kept-alive HTTP/1.1 connections on loopback; {options.WarmUp.TotalSeconds:0.#} s warm-up per endpoint, then {options.Rounds} rounds of {roundTime.TotalSeconds:0.##} s per endpoint taken in turn ({options.Duration.TotalSeconds:0.#} s each in all), then {options.SequentialDuration.TotalSeconds:0.#} s per endpoint one request at a time. Client latency includes reading the whole body; server time is the app's own `Server-Timing: app;dur`; server CPU is the app process's user+system time from /proc during the measured rounds, divided by the requests answered.");
    text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {machine.Processors} logical CPUs, {machine.CpuModel}, {machine.Memory} RAM, {machine.Os}, {machine.Runtime}; load average {loadBefore} before, {loadAfter} after (client and server share the CPUs).");
    text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {date}");
    return text.ToString();
}

async Task<long> BodyLengthAsync(string path)
{
    using var response = await http.GetAsync(path);
    if (response.StatusCode == HttpStatusCode.NotFound && path.StartsWith("/bench/", StringComparison.Ordinal))
        throw new InvalidOperationException("GET /bench/bare answered 404: start the app with Samverkan__BenchmarkEndpoints=true.");
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadAsByteArrayAsync()).LongLength;
}

static int Fail(string message)
{
    Console.Error.WriteLine($"benchmark: {message}");
    return 2;
}

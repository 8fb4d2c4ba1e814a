using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Samverkan.Benchmarks;

/// <summary>What one request of the load was.</summary>
public enum LoadKind { PublicPage, SignedInPage, ApiRead, AgreementEdit, FollowUpSave }

/// <param name="Status">The HTTP status, or 0 when no answer came (connection refused or reset, timeout).</param>
/// <param name="Problem">For an answer that is neither 200 nor 409: the problem's code, or what went wrong.</param>
public readonly record struct LoadSample(LoadKind Kind, int Status, double Ms, string? Problem = null);

/// <summary>
/// Issue #6: many clients at once, each in a closed loop over a mix of public pages, signed-in pages, API reads and
/// writes (an agreement saved with If-Match on the version it read, a follow-up entry saved with the version it read),
/// for a fixed time. Passes when no request got a server error or no answer and every write was either applied or
/// answered 409, with no applied write lost (<see cref="WriteLedger"/>).
/// </summary>
public static class LoadSuite
{
    /// <summary>The mix, in per cent of the operations a client picks (a write also reads first, counted as an API read).</summary>
    private static readonly (LoadKind Kind, int Weight)[] Mix =
        [(LoadKind.PublicPage, 25), (LoadKind.SignedInPage, 15), (LoadKind.ApiRead, 30), (LoadKind.AgreementEdit, 15), (LoadKind.FollowUpSave, 15)];

    private static readonly Dictionary<LoadKind, string> Names = new()
    {
        [LoadKind.PublicPage] = "Public page (anonymous)",
        [LoadKind.SignedInPage] = "Signed-in page",
        [LoadKind.ApiRead] = "API read",
        [LoadKind.AgreementEdit] = "Agreement save (`PUT`, If-Match)",
        [LoadKind.FollowUpSave] = "Follow-up entry save (`PUT`, version)",
    };

    public static async Task<Report> RunAsync(HttpClient http, Options o, string token)
    {
        Console.Error.WriteLine($"load: preparing on {o.BaseUrl} …");
        var targets = await LoadTargets.PrepareAsync(http, token, o.SharedAgreements);
        var ledger = new WriteLedger();
        var cpu = o.ServerPid is { } pid ? new ProcessCpu(pid) : null;
        Console.Error.WriteLine($"load: {o.Concurrency} clients, {o.WarmUp.TotalSeconds:0.#} s warm-up, then {o.Duration.TotalSeconds:0.#} s measured; "
            + $"{targets.Agreements.Count} agreements and {targets.Entries.Count} follow-up entries to write");
        var loadBefore = MachineInfo.LoadAverageNow();

        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(o.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(o.Duration.TotalSeconds * Stopwatch.Frequency);
        TimeSpan? cpuBefore = null;
        var cpuReading = Task.Run(async () =>
        {
            var wait = TimeSpan.FromSeconds((measureFrom - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            cpuBefore = cpu?.Read();
        });
        var clients = Enumerable.Range(0, o.Concurrency)
            .Select(c => Task.Run(() => new Client(http, targets, ledger, new Random(o.Seed + c), c).RunAsync(measureFrom, stopAt)));
        var samples = (await Task.WhenAll(clients)).SelectMany(s => s).ToList();
        var elapsed = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - measureFrom) / (double)Stopwatch.Frequency);
        await cpuReading;
        var serverCpu = cpuBefore is { } before && cpu?.Read() is { } after ? after - before : (TimeSpan?)null;
        var loadAfter = MachineInfo.LoadAverageNow();

        Console.Error.WriteLine("load: reading every applied write back …");
        var lost = await ledger.VerifyAsync(http, targets);
        return Describe(o, targets, ledger, samples, elapsed, serverCpu, lost, loadBefore, loadAfter);
    }

    /// <summary>One simulated user: picks an operation, waits for its answer, picks the next, until the time is up.</summary>
    private sealed class Client(HttpClient http, LoadTargets targets, WriteLedger ledger, Random random, int number)
    {
        private readonly List<LoadSample> _samples = new(8192);
        private long _measureFrom;
        private int _writes;

        public async Task<List<LoadSample>> RunAsync(long measureFrom, long stopAt)
        {
            _measureFrom = measureFrom;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                switch (Pick())
                {
                    case LoadKind.PublicPage: await SendAsync(LoadKind.PublicPage, HttpMethod.Get, Any(targets.PublicPages), null); break;
                    case LoadKind.SignedInPage: await SendAsync(LoadKind.SignedInPage, HttpMethod.Get, Any(targets.SignedInPages), targets.Token); break;
                    case LoadKind.ApiRead: await SendAsync(LoadKind.ApiRead, HttpMethod.Get, Any(targets.ApiReads), targets.Token); break;
                    case LoadKind.AgreementEdit: await EditAgreementAsync(); break;
                    case LoadKind.FollowUpSave: await SaveEntryAsync(); break;
                }
            }
            return _samples;
        }

        private LoadKind Pick()
        {
            var roll = random.Next(Mix.Sum(m => m.Weight));
            foreach (var (kind, weight) in Mix)
            {
                if (roll < weight) return kind;
                roll -= weight;
            }
            return Mix[^1].Kind;
        }

        private T Any<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private string NextMarker() => $"Klient {number} skrev {++_writes} ({Guid.NewGuid():N}).";

        /// <summary>Reads the agreement's version and saves a new text on it; 409 when someone saved in between.</summary>
        private async Task EditAgreementAsync()
        {
            var agreement = Any(targets.Agreements);
            var (status, body) = await SendAsync(LoadKind.ApiRead, HttpMethod.Get, $"/api/v1/agreements/{agreement.Id}", targets.Token);
            if (status != 200) return;
            var version = body!.Value.GetProperty("version").GetInt32();
            var marker = NextMarker();
            var (saved, answer) = await SendAsync(LoadKind.AgreementEdit, HttpMethod.Put, $"/api/v1/agreements/{agreement.Id}", targets.Token,
                LoadTargets.AgreementBody(agreement.Title, agreement.Municipality, marker, null), ifMatch: version);
            if (saved == 200) ledger.AgreementSaved(agreement.Id, answer!.Value.GetProperty("version").GetInt32(), marker);
        }

        /// <summary>Reads the party's form and saves one entry on the version it saw (none yet: a new entry).</summary>
        private async Task SaveEntryAsync()
        {
            var entry = Any(targets.Entries);
            var (status, form) = await SendAsync(LoadKind.ApiRead, HttpMethod.Get, LoadTargets.FormPath(targets.RoundId, entry.AgreementId), targets.Token);
            if (status != 200) return;
            var commitment = form!.Value.GetProperty("commitments").EnumerateArray().First(c => c.GetProperty("commitmentId").GetGuid() == entry.CommitmentId);
            // Version 0 says "there is no entry yet": if another client has made it meanwhile, the answer is 409.
            var version = commitment.TryGetProperty("entry", out var e) && e.ValueKind == JsonValueKind.Object ? e.GetProperty("version").GetInt32() : 0;
            var marker = NextMarker();
            var (saved, answer) = await SendAsync(LoadKind.FollowUpSave, HttpMethod.Put, $"/api/v1/follow-up-rounds/{targets.RoundId}/entries/{entry.CommitmentId}",
                targets.Token, new { status = "ongoing", progress = _writes % 101, narrative = marker, version, agreementId = entry.AgreementId, party = LoadTargets.Region });
            if (saved == 200) ledger.EntrySaved(entry, answer!.Value.GetProperty("version").GetInt32(), marker);
        }

        /// <summary>Sends one request and reads the whole answer; JSON answers are parsed for the caller.</summary>
        private async Task<(int Status, JsonElement? Body)> SendAsync(LoadKind kind, HttpMethod method, string path, string? token, object? body = null, int? ifMatch = null)
        {
            var started = Stopwatch.GetTimestamp();
            int status;
            JsonElement? json = null;
            string? problem = null;
            try
            {
                using var request = LoadTargets.Request(method, path, token, body);
                if (ifMatch is { } v) request.Headers.IfMatch.Add(new($"\"{v}\""));
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                status = (int)response.StatusCode;
                if (status == 200 && response.Content.Headers.ContentType?.MediaType == "application/json") json = JsonDocument.Parse(bytes).RootElement;
                else if (status is not (200 or 409)) problem = $"{method} {path}: {ProblemCode(bytes)}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                status = 0;
                problem = $"{method} {path}: {ex.GetType().Name}: {ex.Message}";
            }
            if (started >= _measureFrom) _samples.Add(new LoadSample(kind, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, problem));
            return (status, json);
        }
    }

    private static string ProblemCode(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() ?? "no code" : "no code";
        }
        catch (JsonException)
        {
            return "not problem+json";
        }
    }

    private static Report Describe(Options o, LoadTargets targets, WriteLedger ledger, List<LoadSample> samples, TimeSpan elapsed, TimeSpan? serverCpu,
        IReadOnlyList<string> lost, string loadBefore, string loadAfter)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| Request | Requests | Requests/s | p50 ms | p95 ms | p99 ms | 2xx | 409 | other 4xx | 5xx | no answer |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => s.Kind).OrderBy(g => g.Key).Select(g => (Name: Names[g.Key], Samples: g.ToList())).Append((Name: "**All**", Samples: samples)))
        {
            var ms = group.Samples.Select(s => s.Ms).ToArray();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Name} | {group.Samples.Count} | {group.Samples.Count / elapsed.TotalSeconds:0.0} | {Stats.Percentile(ms, 50):0.0} | {Stats.Percentile(ms, 95):0.0} | {Stats.Percentile(ms, 99):0.0} | "
                + $"{group.Samples.Count(s => s.Status is >= 200 and < 300)} | {group.Samples.Count(s => s.Status == 409)} | "
                + $"{group.Samples.Count(s => s.Status is >= 400 and < 500 && s.Status != 409)} | {group.Samples.Count(s => s.Status >= 500)} | {group.Samples.Count(s => s.Status == 0)} |");
        }
        var serverErrors = samples.Count(s => s.Status >= 500);
        var unanswered = samples.Count(s => s.Status == 0);
        var writes = samples.Where(s => s.Kind is LoadKind.AgreementEdit or LoadKind.FollowUpSave).ToList();
        var oddWrites = writes.Count(s => s.Status is not (200 or 409));
        var otherReads = samples.Count(s => s.Kind is not (LoadKind.AgreementEdit or LoadKind.FollowUpSave) && s.Status != 200);
        var passed = serverErrors == 0 && unanswered == 0 && oddWrites == 0 && otherReads == 0 && lost.Count == 0;

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Database: {o.Database}. Verdict: **{(passed ? "passed" : "FAILED")}** — {serverErrors} server errors, {unanswered} requests without an answer, "
            + $"{oddWrites} writes answered with something other than 200 or 409, {otherReads} reads not answered 200, {lost.Count} lost or doubled updates.");
        var all = samples.Select(s => s.Ms).ToArray();
        var cpuText = serverCpu is { } c && samples.Count > 0
            ? FormattableString.Invariant($"; the app used {c.TotalSeconds:0.0} s of CPU, {c.TotalMilliseconds / samples.Count:0.00} ms per request") : "";
        text.AppendLine(CultureInfo.InvariantCulture, $"- Throughput: **{samples.Count / elapsed.TotalSeconds:0} requests/s** over {elapsed.TotalSeconds:0.0} s with {o.Concurrency} clients; "
            + $"latency over all requests p50 {Stats.Percentile(all, 50):0.0} ms, p95 {Stats.Percentile(all, 95):0.0} ms, p99 {Stats.Percentile(all, 99):0.0} ms{cpuText}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Writes, warm-up included: {ledger.AgreementWrites} agreement saves and {ledger.EntryWrites} follow-up entry saves applied, "
            + $"each read back after the run (every applied version holds its own text, the versions stored are exactly the saves applied, the last applied save is the current state, "
            + $"and each entry save is in the entry's history); {writes.Count(s => s.Status == 409)} saves in the measured time answered 409 because another client had saved first.");
        foreach (var problem in lost.Take(20)) text.AppendLine(CultureInfo.InvariantCulture, $"  - lost: {problem}");
        foreach (var odd in samples.Where(s => s.Problem is not null).GroupBy(s => (s.Status, s.Problem)).OrderByDescending(g => g.Count()).Take(20))
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {odd.Count()} × {(odd.Key.Status == 0 ? "no answer" : odd.Key.Status.ToString(CultureInfo.InvariantCulture))}: {odd.Key.Problem}");
        var machine = MachineInfo.Read();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Method: {o.Concurrency} clients in closed loops over at most {o.Concurrency} kept-alive HTTP/1.1 connections on loopback, "
            + $"{o.WarmUp.TotalSeconds:0.#} s warm-up (not counted), then {o.Duration.TotalSeconds:0.#} s measured. Each client picks public page 25 %, signed-in page 15 %, "
            + $"API read 30 %, agreement save 15 %, follow-up entry save 15 % (each save first reads what it changes: that read is counted as an API read). "
            + $"{targets.Agreements.Count} agreement drafts and {targets.Entries.Count} follow-up entries are shared by all clients, so saves collide on purpose. "
            + $"Latency is the client's, from sending to the last byte read. Random seed {o.Seed}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {machine.Processors} logical CPUs, {machine.CpuModel}, {machine.Memory} RAM, {machine.Os}, {machine.Runtime}; "
            + $"load average {loadBefore} before, {loadAfter} after (client and server share the CPUs).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {MachineInfo.Today()}");
        return new Report(text.ToString(), passed);
    }
}

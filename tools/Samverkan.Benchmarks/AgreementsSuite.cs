using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Samverkan.Benchmarks;

/// <summary>
/// Issue #3 on the national-scale data: the agreement page, the agreement API, a region's comparison matrix and a
/// diff over all versions, each beside the bare endpoint answering a body of the same size. Signed in (with an API
/// key) as an officer of the compared region, who sees every version and every draft (the heaviest view); the
/// agreement page also as the public sees it, which costs no sign-in.
/// </summary>
public static class AgreementsSuite
{
    private sealed record Target(string What, double Ms);

    public static async Task<Report> RunAsync(Session session, string token)
    {
        var o = session.Options;
        var (id, versions) = await PickAgreementAsync(session, token);
        var comparisonPath = $"/api/v1/agreement-comparisons?region={o.Region}&year={o.Year}";
        var comparison = JsonDocument.Parse(await session.GetAsync(new Endpoint("", comparisonPath, token))).RootElement;
        var rows = comparison.GetProperty("rows").EnumerateArray().ToList();
        var shown = rows.Count(r => r.TryGetProperty("agreementId", out var a) && a.ValueKind == JsonValueKind.String);
        var columns = comparison.GetProperty("columns").GetArrayLength();
        var commitments = rows.Sum(r => r.GetProperty("cells").EnumerateArray().Sum(c => c.GetProperty("commitments").GetArrayLength()));

        (Endpoint Endpoint, Target Target)[] measured =
        [
            (new Endpoint($"Agreement page `/overenskommelser/{{id}}`, signed in", $"/overenskommelser/{id}", token), new Target("agreement page, signed in", 15)),
            (new Endpoint($"Agreement page `/overenskommelser/{{id}}`, public", $"/overenskommelser/{id}"), new Target("agreement page, public (not signed in)", 15)),
            (new Endpoint($"API `/api/v1/agreements/{{id}}`", $"/api/v1/agreements/{id}", token), new Target("GET /api/v1/agreements/{id}", 15)),
            (new Endpoint($"API `{comparisonPath}`", comparisonPath, token), new Target($"comparison matrix, {rows.Count} municipalities", 100)),
            (new Endpoint($"API `/api/v1/agreements/{{id}}/versions/1/diff/{versions}`", $"/api/v1/agreements/{id}/versions/1/diff/{versions}", token),
                new Target($"{versions}-version diff", 20)),
        ];
        var endpoints = new List<Endpoint>();
        foreach (var (endpoint, _) in measured)
        {
            endpoints.Add(endpoint);
            endpoints.Add(await session.BareLikeAsync(endpoint));
        }
        var results = await session.RunAsync(endpoints);

        var text = new StringBuilder(session.Table(endpoints, results));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- Data: agreement {id} ({versions} versions); the comparison of region {o.Region} for {o.Year} has {rows.Count} municipalities, " +
            $"{shown} agreements shown, {columns} goal columns and {commitments} commitments in its cells.");
        for (var i = 0; i < measured.Length; i++)
        {
            var (_, target) = measured[i];
            var real = i * 2;
            var server = results.ServerMedian(real);
            var client = results.Sequential[real]?.ClientMedian;
            var ownCpu = results.Loaded[real].ServerCpuMsPerRequest - results.Loaded[real + 1].ServerCpuMsPerRequest;
            text.Append(CultureInfo.InvariantCulture,
                $"- {Capital(target.What)}: server time **{server:0.00} ms** median one at a time, {results.Loaded[real].ServerMedian:0.00} ms at concurrency {o.Concurrency} " +
                $"(target ≤ {target.Ms:0} ms: {(server <= target.Ms ? "met" : "NOT met")})");
            if (client is { } cl)
                text.Append(CultureInfo.InvariantCulture, $"; the whole response read by the client {cl:0.00} ms{(cl > target.Ms ? " (over the target)" : "")}");
            if (ownCpu is { } cpu) text.Append(CultureInfo.InvariantCulture, $"; CPU per request above the bare endpoint of the same size {cpu:0.000} ms");
            text.AppendLine(".");
        }
        text.Append(session.MethodAndMachine(results));
        return new Report(text.ToString(), results.AllAnswered);
    }

    /// <summary>A signed agreement of the region with the most versions, so the page shows signatures and the diff spans them all.</summary>
    private static async Task<(string Id, int Versions)> PickAgreementAsync(Session session, string token)
    {
        var o = session.Options;
        var list = JsonDocument.Parse(await session.GetAsync(new Endpoint("", $"/api/v1/agreements?region={o.Region}&period={o.Year}", token))).RootElement;
        var picked = list.GetProperty("items").EnumerateArray()
            .Where(a => a.TryGetProperty("signedVersion", out var s) && s.ValueKind == JsonValueKind.Number && s.GetInt32() == a.GetProperty("currentVersion").GetInt32())
            .OrderByDescending(a => a.GetProperty("currentVersion").GetInt32())
            .ThenBy(a => a.GetProperty("id").GetString(), StringComparer.Ordinal)
            .Select(a => (Id: a.GetProperty("id").GetString()!, Versions: a.GetProperty("currentVersion").GetInt32()))
            .FirstOrDefault();
        if (picked.Id is null)
            throw new InvalidOperationException($"Region {o.Region} has no signed agreement for {o.Year}: fill the database with 'samverkan seed --national-scale' first.");
        if (picked.Versions < 2) throw new InvalidOperationException($"Agreement {picked.Id} has one version only; there is nothing to diff.");
        return picked;
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Samverkan.IntegrationTests;

/// <summary>
/// Random and hostile input at every door the app opens to the outside, over HTTP: the query strings and route values of
/// every GET endpoint and page (read from the app's own route table, so a new one is fuzzed without being listed here),
/// and mutated agreement, template and meeting JSON on the write endpoints. Whatever arrives, the answer is a 2xx, 3xx
/// or 4xx — for the API a problem+json carrying the request id and trace id — never a 5xx, and it comes before a
/// deadline enforced by cancelling the request. Runs on a seeded database of its own, since the bodies that are valid
/// get written. A failing case prints its CsCheck seed; CsCheck_Seed=... replays it.
/// </summary>
public sealed class HostileInputTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    /// <summary>Far above any honest answer (tens of milliseconds); a request still running then is taken as hung.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly string[] Hostile =
    [
        "", " ", "0", "-1", "1", "2", "20", "21", "2061", "2062", "2027", "2030", "0001", "9999", "10000", "-2147483648", "2147483647",
        "2147483648", "99999999999999999999", "1.5", "1,5", "1e3", "0x10", "NaN", "Infinity", "true", "false", "null", "undefined",
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "{00000000-0000-0000-0000-000000000000}",
        "' OR '1'='1", "\"; DROP TABLE \"Plans\"; --", "<script>alert(1)</script>", "../../etc/passwd", "..\\..\\windows", "%", "%zz", "%00",
        "\0", "\t", "\r\n", "åäö", "ÅÄÖ", "🙂", "\uFFFD", "\u202E", "a,b", "20,21", "*", "?", "#", "&", "=", "[]", "{}", "goal", "area", "pdf",
        "docx", "csv", "json", "html", "municipal-dialogue", "regional-forum", "region", "municipality", "institution", "draft", "signed",
        "AgreementVersion", "Plan", "2027-01-01", "2027-13-45", "1/1/2027", new string('9', 400), new string('x', 2000),
    ];

    private static readonly string[] ExtraKeys = ["x", "handler", "format", "$filter", "region[]", "Region", "YEAR", "page", "sort", "limit", "__proto__", ""];

    // ---- Query strings and route values ------------------------------------------------------------------------

    private sealed record Door(string Pattern, IReadOnlyList<string> RouteValues, IReadOnlyList<string> QueryNames, bool IsApi);

    private sealed record Shot(Door Door, string Url, string Who);

    [Fact]
    public async Task EveryGetEndpointAndPage_AnswersHostileQueriesWithoutA5xx()
    {
        var doors = Doors();
        Assert.True(doors.Count(d => d.IsApi) >= 30, $"only {doors.Count(d => d.IsApi)} API GET endpoints found");
        Assert.True(doors.Count(d => !d.IsApi) >= 20, $"only {doors.Count(d => !d.IsApi)} pages found");
        var ids = await KnownIdsAsync();
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.Anonymous(), [AppFixture.RegionAdmin] = app.As(AppFixture.RegionAdmin), [AppFixture.Smedjebacken] = app.As(AppFixture.Smedjebacken),
        };
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var shots = 0;

        Gen<Shot> At(Door door) => Gen.Select(Value(ids).Array[0, 4], Gen.OneOf(ExtraKeys).Array[0, 4], Value(ids).Array[0, 4],
                Gen.OneOf(clients.Keys.ToArray()), Gen.Int[0, 9])
            .Select(t => Aim(door, t.Item1, t.Item2, t.Item3, t.Item4, raw: t.Item5 == 0, ids));
        // Every door once, then random doors: each is hit several times whatever the sample size.
        foreach (var door in doors) await FireAsync(At(door).Single(), clients, failures);
        await Gen.Int[0, doors.Count - 1].SelectMany(i => At(doors[i])).SampleAsync(async shot =>
        {
            Interlocked.Increment(ref shots);
            await FireAsync(shot, clients, failures);
        }, iter: 600, threads: 1, print: s => $"{s.Who} GET {s.Url}");

        output.WriteLine($"{doors.Count} doors, {doors.Count + shots} requests; statuses: " +
            string.Join(", ", _getStatuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(30)));
        // Not vacuous: the shots reach real answers as well as refusals.
        Assert.True(_getStatuses.GetValueOrDefault(200) > 50, "few 200s");
        Assert.True(_getStatuses.Keys.Count(k => k >= 400) >= 2, "few kinds of refusal");
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, int> _getStatuses = new();

    private async Task FireAsync(Shot shot, Dictionary<string, HttpClient> clients, System.Collections.Concurrent.ConcurrentQueue<string> failures)
    {
        var (status, failure) = await CheckAsync(clients[shot.Who], HttpMethod.Get, shot.Url, null, api: shot.Door.IsApi);
        _getStatuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (failure is not null) failures.Enqueue($"{shot.Who} GET {shot.Url}: {failure}");
    }

    private Shot Aim(Door door, string[] values, string[] extraKeys, string[] extraValues, string who, bool raw, List<string> ids)
    {
        var url = door.Pattern;
        var i = 0;
        foreach (var name in door.RouteValues)
        {
            // A route value either fits its constraint (a known id, a number) or is hostile; the route table refuses the rest with a 404.
            var value = values.Length > i ? values[i] : ids[Math.Abs(url.GetHashCode()) % ids.Count];
            i++;
            // A NUL in the path is refused by Kestrel before the app sees it (and the test server cannot even carry it).
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + name + "(:[^}]*)?\\}", Escape(value.Replace("\0", ""), raw: false));
        }
        var query = new List<string>();
        for (var q = 0; q < door.QueryNames.Count; q++)
            if (values.Length > i + q) query.Add($"{door.QueryNames[q]}={Escape(values[i + q], raw)}");
        for (var k = 0; k < extraKeys.Length; k++)
            query.Add($"{extraKeys[k]}={Escape(extraValues.Length > k ? extraValues[k] : "", raw)}");
        // A repeated known name (two values where the endpoint takes one).
        if (door.QueryNames.Count > 0 && values.Length > 3) query.Add($"{door.QueryNames[0]}={Escape(values[3], raw)}");
        return new Shot(door, query.Count == 0 ? url : url + "?" + string.Join("&", query), who);
    }

    /// <summary>Escaped as a browser would, or (raw) passed on as it is, broken percent signs and all.</summary>
    private static string Escape(string value, bool raw) =>
        raw ? value.Replace("#", "%23").Replace("&", "%26").Replace(" ", "%20").Replace("\r", "").Replace("\n", "").Replace("\t", "").Replace("\0", "")
            : Uri.EscapeDataString(value);

    private static Gen<string> Value(List<string> ids) => Gen.Frequency((3, Gen.OneOf(Hostile)), (1, Gen.OneOf(ids.ToArray())),
        (1, Gen.Char["abcåäö0123456789-,.;:%&=?/ "].Array[0, 20].Select(c => new string(c))), (1, Gen.Guid.Select(g => g.ToString())));

    /// <summary>Every GET route of the API and every page, with its route values and the query names it reads.</summary>
    private List<Door> Doors()
    {
        var pageQueryNames = PageQueryNames();
        var doors = new List<Door>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null || endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null)
            {
                if (pattern.StartsWith("utveckling", StringComparison.Ordinal)) continue;
                doors.Add(new Door("/" + pattern, routeValues, pageQueryNames, IsApi: false));
            }
            else if (pattern.StartsWith("/api/", StringComparison.Ordinal) && methods?.Contains("GET") == true)
            {
                var method = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
                var query = method?.GetParameters().Where(p => IsQueryValue(p.ParameterType) && !routeValues.Contains(p.Name!, StringComparer.OrdinalIgnoreCase))
                    .Select(p => p.Name!).ToList() ?? [];
                doors.Add(new Door(pattern, routeValues, query, IsApi: true));
            }
        }
        return doors.DistinctBy(d => d.Pattern).ToList();
    }

    private static bool IsQueryValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type.IsPrimitive || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(decimal) || type.IsEnum;
    }

    /// <summary>The query names any page reads: its handlers' parameters and the properties it binds on GET.</summary>
    private static List<string> PageQueryNames() =>
        typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal))
                    .SelectMany(m => m.GetParameters()).Where(p => IsQueryValue(p.ParameterType)).Select(p => p.Name!)
                .Concat(t.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true || p.GetCustomAttribute<FromQueryAttribute>() is not null)
                    .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name)))
            .Distinct().Order().ToList();

    /// <summary>Ids of records that exist, so route values also reach the code behind the 404s.</summary>
    private Task<List<string>> KnownIdsAsync() => app.QueryAsync(async db =>
    {
        var ids = new List<Guid>();
        ids.AddRange(await db.Plans.Select(p => p.Id).Take(20).ToListAsync());
        ids.AddRange(await db.PlanGoals.Select(p => p.Id).Take(20).ToListAsync());
        ids.AddRange(await db.MunicipalGoals.Select(p => p.Id).Take(10).ToListAsync());
        ids.AddRange(await db.Set<Samverkan.Agreements.Agreement>().Select(a => a.Id).Take(20).ToListAsync());
        ids.AddRange(await db.Set<Samverkan.Agreements.AgreementTemplate>().Select(a => a.Id).Take(5).ToListAsync());
        ids.AddRange(await db.Set<Samverkan.FollowUp.FollowUpRound>().Select(a => a.Id).Take(5).ToListAsync());
        ids.AddRange(await db.Set<Samverkan.Dialogue.DialogueMeeting>().Select(a => a.Id).Take(5).ToListAsync());
        var commitments = await db.Set<Samverkan.FollowUp.FollowUpEntry>().Select(e => e.CommitmentId).Take(10).ToListAsync();
        return ids.Concat(commitments).Select(g => g.ToString()).Concat(["20", "2061", "2062", "21", "1", "2"]).ToList();
    });

    /// <summary>The status, and null when the answer is acceptable, else what is wrong with it.</summary>
    private static async Task<(int Status, string? Failure)> CheckAsync(HttpClient client, HttpMethod method, string url, HttpContent? body, bool api)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        HttpResponseMessage response;
        string text;
        try
        {
            using var request = new HttpRequestMessage(method, url) { Content = body };
            response = await client.SendAsync(request, deadline.Token);
            text = await response.Content.ReadAsStringAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return (0, $"no answer within {Deadline.TotalSeconds} s");
        }
        catch (Exception e) when (e is UriFormatException or InvalidOperationException && !api)
        {
            // The client itself refused to send it (an address no browser would produce either).
            return (0, null);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            return (status, Judge(response, status, text, api));
        }
    }

    private static string? Judge(HttpResponseMessage response, int status, string text, bool api)
    {
        if (status >= 500) return $"{status} {Excerpt(text)}";
        if (!api || status < 400) return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{status} without problem+json: {Excerpt(text)}";
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        if (!root.TryGetProperty("status", out var s) || s.GetInt32() != status) return $"{status} whose problem says otherwise: {Excerpt(text)}";
        if (!root.TryGetProperty("code", out _)) return $"{status} problem without a code: {Excerpt(text)}";
        var requestId = string.Join(",", response.Headers.TryGetValues("X-Request-Id", out var r) ? r : []);
        if (!root.TryGetProperty("requestId", out var id) || id.GetString() != requestId || requestId.Length == 0)
            return $"{status} problem without the response's request id: {Excerpt(text)}";
        if (!root.TryGetProperty("traceId", out var trace) || trace.GetString()?.Length != 32) return $"{status} problem without a trace id: {Excerpt(text)}";
        return null;
    }

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";

    // ---- JSON bodies -------------------------------------------------------------------------------------------

    /// <param name="VersionOf">For an update: where the record's current version is read, so the body is not refused as stale before it is looked at.</param>
    private sealed record Target(string Method, string Url, string Who, JsonNode Base, string? VersionOf = null);

    [Fact]
    public async Task WriteEndpoints_AnswerMutatedJsonWithoutA5xx_AndNeverWriteOnARefusal()
    {
        var region = app.As(AppFixture.RegionOfficer);
        var draft = await (await region.PostJsonAsync("/api/v1/agreements", AgreementScenarioTests.Body("Fuzzens överenskommelse"))).JsonAsync(201);
        var draftId = draft.GetProperty("id").GetString();
        var meeting = await (await region.PostJsonAsync("/api/v1/dialogue-meetings", new
        {
            region = "20", kind = "municipal-dialogue", municipality = "2061", date = "2031-04-15", place = "Biblioteket",
            agenda = new[] { new { title = "Fuzzens punkt", notes = "Anteckning." } },
        })).JsonAsync(201);
        var targets = new[]
        {
            new Target("POST", "/api/v1/agreements", AppFixture.RegionOfficer, Node(AgreementScenarioTests.Body("Fuzzens nya överenskommelse"))),
            new Target("PUT", $"/api/v1/agreements/{draftId}", AppFixture.RegionOfficer, Node(AgreementScenarioTests.Body("Fuzzens ändring", version: 1)),
                VersionOf: $"/api/v1/agreements/{draftId}"),
            new Target("POST", "/api/v1/agreement-imports/confirmations", AppFixture.Smedjebacken, Node(AgreementScenarioTests.Body("Fuzzens import"))),
            new Target("POST", "/api/v1/agreement-templates?region=20", AppFixture.RegionOfficer, Node(AgreementTemplateTests.Template(2098))),
            new Target("PUT", $"/api/v1/dialogue-meetings/{meeting.GetProperty("id").GetString()}", AppFixture.RegionOfficer, Node(new
            {
                region = "20", kind = "municipal-dialogue", municipality = "2061", date = "2031-04-15", place = "Biblioteket",
                organizations = new[] { "20", "2061" }, people = new[] { new { name = "Fuzzens deltagare", role = "Ordförande", organization = "2061" } },
                agenda = new[] { new { title = "Fuzzens punkt", notes = "Anteckning." } }, notes = "Anteckningar.",
                decisions = new[] { new { text = "Fuzzens beslut", commitments = Array.Empty<string>(), goals = Array.Empty<string>() } }, version = 1,
            }), VersionOf: $"/api/v1/dialogue-meetings/{meeting.GetProperty("id").GetString()}"),
        };
        var failures = new List<string>();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var gen = Gen.Select(Gen.Int[0, targets.Length - 1], Mutation.Array[1, 6], Gen.Int[0, 19]);
        await gen.SampleAsync(async t =>
        {
            var (which, mutations, shape) = t;
            var target = targets[which];
            var baseBody = target.Base;
            if (target.VersionOf is { } current)
            {
                baseBody = baseBody.DeepClone();
                baseBody["version"] = (await (await app.As(target.Who).GetAsync(current)).JsonAsync()).GetProperty("version").GetInt32();
            }
            var body = Apply(baseBody, mutations);
            var content = shape switch
            {
                0 => new StringContent(body[..(body.Length / 2)], Encoding.UTF8, "application/json"),
                1 => new StringContent(body, Encoding.UTF8, "text/plain"),
                2 => new ByteArrayContent([0xFF, 0xFE, 0x00, 0x7B]) { Headers = { ContentType = new("application/json") } },
                3 => new StringContent(new string('[', 5000) + new string(']', 5000), Encoding.UTF8, "application/json"),
                _ => new StringContent(body, Encoding.UTF8, "application/json"),
            };
            var before = await WrittenAsync();
            using var client = app.As(target.Who);
            var (status, failure) = await CheckAsync(client, new HttpMethod(target.Method), target.Url, content, api: true);
            statuses.AddOrUpdate($"{target.Method} {target.Url.Split('?')[0]} {status}", 1, (_, n) => n + 1);
            if (failure is not null) failures.Add($"{target.Method} {target.Url}: {failure}\n  body: {body[..Math.Min(body.Length, 3000)]}");
            else if (status >= 400 && await WrittenAsync() != before) failures.Add($"{target.Method} {target.Url}: a refused body ({status}) changed the database");
        }, iter: 300, threads: 1, print: t => $"{targets[t.Item1].Method} {targets[t.Item1].Url} shape {t.Item3}: {Excerpt(Apply(targets[t.Item1].Base, t.Item2))}");

        output.WriteLine(string.Join("\n", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        // Not vacuous: some mutated bodies still pass the rules and are written, the rest are refused for their content.
        Assert.Contains(statuses.Keys, k => k.EndsWith(" 201", StringComparison.Ordinal) || k.EndsWith(" 200", StringComparison.Ordinal));
        Assert.Contains(statuses.Keys, k => k.EndsWith(" 400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheImportReviewsHiddenAgreementJson_ChangedIntoAnything_IsAnsweredWithoutA5xx()
    {
        var browser = await Browser.SignInAsync(app, AppFixture.RegionOfficer);
        var form = await browser.GetAsync("/overenskommelser/importera");
        // The review carries the canonical JSON, whose parties are objects.
        var original = Node(AgreementScenarioTests.Body("Fuzzens granskade import"));
        original["parties"] = new JsonArray(
            new JsonObject { ["code"] = "20", ["name"] = "Region Dalarna", ["kind"] = "region" },
            new JsonObject { ["code"] = "2061", ["name"] = "Smedjebackens kommun", ["kind"] = "municipality" });
        original.AsObject().Remove("version");
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var failures = new List<string>();
        await Gen.Select(Mutation.Array[1, 6], Gen.Int[0, 9]).SampleAsync(async t =>
        {
            var json = Apply(original, t.Item1);
            if (t.Item2 == 0) json = json[..(json.Length / 2)];
            var before = await WrittenAsync();
            var page = await browser.PostFormAsync("/overenskommelser/importera?handler=Confirm", form, new() { ["ContentJson"] = [json] }, expect: null);
            statuses.AddOrUpdate((int)page.Status, 1, (_, n) => n + 1);
            if ((int)page.Status >= 500) failures.Add($"{(int)page.Status}: {json[..Math.Min(json.Length, 3000)]}");
            else if (page.Status == HttpStatusCode.OK && await WrittenAsync() != before) failures.Add($"the form came back but something was written: {json}");
        }, iter: 120, threads: 1, print: t => Apply(original, t.Item1));

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        // Some changed reviews still make an agreement (a redirect to it); the others come back with the error summary.
        Assert.True(statuses.ContainsKey(302) && statuses.ContainsKey(200), string.Join(", ", statuses.Keys));
    }

    /// <summary>The audit log only grows when something was written; a refusal leaves its count alone.</summary>
    private Task<int> WrittenAsync() => app.QueryAsync(db => db.AuditLog.CountAsync());

    private static JsonNode Node(object body) => JsonSerializer.SerializeToNode(body)!;

    /// <summary>One edit of a JSON tree: which node (by a number taken modulo the node count) and what happens to it.</summary>
    private static readonly Gen<(int Node, int Kind, string Text)> Mutation =
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 13], Gen.OneOf(Hostile));

    private static string Apply(JsonNode original, (int Node, int Kind, string Text)[] mutations)
    {
        var root = original.DeepClone();
        foreach (var (n, kind, text) in mutations)
        {
            var nodes = new List<(JsonNode? Parent, string? Key, int Index)>();
            Walk(root, null, null, -1, nodes);
            var (parent, key, index) = nodes[n % nodes.Count];
            JsonNode? replacement = kind switch
            {
                0 => null,
                1 => JsonValue.Create(text),
                2 => JsonValue.Create(int.TryParse(text, out var i) ? i : -1),
                3 => JsonValue.Create(double.MaxValue),
                4 => JsonValue.Create(true),
                5 => new JsonArray(),
                6 => new JsonObject(),
                7 => new JsonArray(JsonValue.Create(text), null, new JsonObject()),
                8 => JsonValue.Create(new string('å', 70_000)),
                9 => Deep(40),
                10 => JsonValue.Create("9999-12-31"),
                _ => Placeholder,
            };
            if (parent is JsonObject o && key is not null)
            {
                if (kind == 11) o.Remove(key);
                else if (kind == 12) o[key + "_extra"] = JsonValue.Create(text);
                else if (kind == 13 && o[key] is JsonArray list && list.Count > 0) list.Add(list[0]?.DeepClone());
                else o[key] = replacement == Placeholder ? null : replacement;
            }
            else if (parent is JsonArray a && index >= 0)
            {
                if (kind == 11) a.RemoveAt(index);
                else if (kind is 12 or 13) a.Add(a[index]?.DeepClone());
                else a[index] = replacement == Placeholder ? null : replacement;
            }
        }
        return root.ToJsonString();
    }

    private static readonly JsonNode Placeholder = JsonValue.Create("placeholder");

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonObject { ["heading"] = "djup" };
        for (var i = 0; i < depth; i++) node = new JsonObject { ["heading"] = $"nivå {i}", ["sections"] = new JsonArray(node) };
        return node;
    }

    private static void Walk(JsonNode? node, JsonNode? parent, string? key, int index, List<(JsonNode?, string?, int)> into)
    {
        if (parent is not null) into.Add((parent, key, index));
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList()) Walk(v, o, k, -1, into);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) Walk(a[i], a, null, i, into);
                break;
        }
    }
}

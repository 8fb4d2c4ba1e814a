using System.Net.Http.Json;
using System.Text.Json;

namespace Samverkan.Benchmarks;

/// <summary>An agreement draft the load edits: made for the run, between Region Dalarna and one municipality.</summary>
public sealed record EditedAgreement(Guid Id, string Municipality, string Title);

/// <summary>One of the region's commitments in the open follow-up round whose entry the load saves.</summary>
public sealed record TrackedEntry(Guid AgreementId, Guid CommitmentId, int InitialVersion);

/// <summary>
/// What the load reads and writes, found on the Dalarna demo data (<c>samverkan seed --demo</c>) and checked to answer
/// 200 before the clock starts. Every signed-in request uses the API key of a region officer of Region Dalarna, pages
/// included: the app takes a bearer key on any path, so no client has to go through the sign-in form.
/// </summary>
public sealed record LoadTargets(
    string Token, IReadOnlyList<string> PublicPages, IReadOnlyList<string> SignedInPages, IReadOnlyList<string> ApiReads,
    IReadOnlyList<EditedAgreement> Agreements, Guid RoundId, IReadOnlyList<TrackedEntry> Entries)
{
    public const string Region = "20";

    /// <summary>Dalarna's municipalities, one per edited draft (the agreements of the run are new, so any will do).</summary>
    private static readonly string[] Municipalities = ["2021", "2023", "2026", "2029", "2031", "2034", "2039", "2061", "2062", "2080", "2081", "2082"];

    public static async Task<LoadTargets> PrepareAsync(HttpClient http, string token, int agreements)
    {
        if (agreements is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(agreements), "1–12 agreements.");
        var list = await GetJsonAsync(http, $"/api/v1/agreements?region={Region}", token);
        var signed = list.GetProperty("items").EnumerateArray()
            .Where(a => a.TryGetProperty("signedVersion", out var s) && s.ValueKind == JsonValueKind.Number)
            .Select(a => a.GetProperty("id").GetString()!).Take(4).ToList();
        if (signed.Count == 0) throw new InvalidOperationException("Region Dalarna has no signed agreement: seed the demo data first (samverkan seed --demo).");

        var rounds = await GetJsonAsync(http, $"/api/v1/follow-up-rounds?region={Region}", token);
        var round = rounds.GetProperty("items").EnumerateArray().FirstOrDefault(r => r.GetProperty("status").GetString() == "open");
        if (round.ValueKind != JsonValueKind.Object) throw new InvalidOperationException("Region Dalarna has no open follow-up round: seed the demo data first.");
        var roundId = round.GetProperty("id").GetGuid();
        var roundView = await GetJsonAsync(http, $"/api/v1/follow-up-rounds/{roundId}", token);
        var entries = new List<TrackedEntry>();
        var forms = new List<string>();
        foreach (var a in roundView.GetProperty("agreements").EnumerateArray())
        {
            var agreementId = a.GetProperty("agreementId").GetGuid();
            var form = await GetJsonAsync(http, FormPath(roundId, agreementId), token);
            if (!form.GetProperty("canEdit").GetBoolean()) continue;
            forms.Add(FormPath(roundId, agreementId));
            entries.AddRange(form.GetProperty("commitments").EnumerateArray().Select(c => new TrackedEntry(agreementId,
                c.GetProperty("commitmentId").GetGuid(), c.TryGetProperty("entry", out var e) && e.ValueKind == JsonValueKind.Object ? e.GetProperty("version").GetInt32() : 0)));
        }
        if (entries.Count == 0) throw new InvalidOperationException("The open round has no answer the region may still change.");

        var edited = new List<EditedAgreement>();
        for (var i = 0; i < agreements; i++)
        {
            var title = $"Lasttest {i + 1}: överenskommelse mellan Region Dalarna och kommun {Municipalities[i]}";
            using var response = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/agreements", token,
                AgreementBody(title, Municipalities[i], "Regionen ordnar två regionala träffar om Skapande skola varje år.", null)));
            if ((int)response.StatusCode != 201)
                throw new InvalidOperationException($"Creating a draft answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            edited.Add(new EditedAgreement(created.GetProperty("id").GetGuid(), Municipalities[i], title));
        }

        var targets = new LoadTargets(token,
            ["/", "/offentligt/overenskommelser", .. signed.Select(id => $"/offentligt/overenskommelser/{id}")],
            ["/overenskommelser", $"/overenskommelser/{edited[0].Id}", $"/overenskommelser/{signed[0]}", "/uppfoljning", $"/uppfoljning/{roundId}/{entries[0].AgreementId}?part={Region}", "/planer"],
            [$"/api/v1/agreements?region={Region}", $"/api/v1/agreements/{signed[0]}", $"/api/v1/agreements/{edited[0].Id}/versions",
                $"/api/v1/follow-up-rounds/{roundId}", forms[0], $"/api/v1/municipalities?county={Region}", $"/api/v1/public/agreements/{signed[0]}"],
            edited, roundId, entries);
        foreach (var path in targets.PublicPages) await GetJsonOrPageAsync(http, path, null);
        foreach (var path in targets.SignedInPages.Concat(targets.ApiReads)) await GetJsonOrPageAsync(http, path, token);
        return targets;
    }

    public static string FormPath(Guid round, Guid agreement) => $"/api/v1/follow-up-rounds/{round}/agreements/{agreement}/form?party={Region}";

    /// <summary>A full agreement body (the API saves whole versions); <paramref name="regionText"/> carries the writer's marker.</summary>
    public static object AgreementBody(string title, string municipality, string regionText, int? version) => new
    {
        kind = "municipal-agreement",
        title,
        reference = "RD-LAST/2027",
        period = new { from = "2027-01-01", to = "2030-12-31" },
        parties = new[] { Region, municipality },
        caseOfficer = new { name = "Lasse Last", title = "Samverkansstrateg" },
        sections = new[]
        {
            new
            {
                heading = "Scenkonst",
                items = new[]
                {
                    new
                    {
                        style = "bullet",
                        text = "Alla invånare ska kunna möta professionell scenkonst nära där de bor.",
                        commitments = new object[]
                        {
                            new { parties = new[] { Region }, text = regionText },
                            new { parties = new[] { municipality }, text = "Kommunen håller en tillgänglig spelplats öppen för turnerande scenkonst." },
                        },
                    },
                },
            },
        },
        signatures = new[]
        {
            new { party = municipality, name = "Kommunens ordförande", role = "Ordförande kulturnämnden" },
            new { party = Region, name = "Regionens ordförande", role = "Ordförande kultur- och bildningsnämnden" },
        },
        version,
    };

    /// <summary>The text of the region's commitment, where <see cref="AgreementBody"/> puts the marker.</summary>
    public static string RegionText(JsonElement agreement) =>
        agreement.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("commitments")[0].GetProperty("text").GetString()!;

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string path, string? token)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Get, path, token));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task GetJsonOrPageAsync(HttpClient http, string path, string? token)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Get, path, token));
        if ((int)response.StatusCode != 200) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}, not 200.");
    }
}

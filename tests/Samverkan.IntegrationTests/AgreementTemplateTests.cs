using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;

namespace Samverkan.IntegrationTests;

/// <summary>
/// The region's template and the drafts made from it, through the API. Each test uses a plan period of its own
/// (2031 onwards): the demo data already holds the 2023–2026 agreements and other tests use 2027–2030.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AgreementTemplateTests(AppFixture app)
{
    public static readonly string[] DalarnaInSwedishOrder =
    [
        "2084", "2081", "2080", "2026", "2083", "2029", "2085", "2023", "2062", "2034", "2031", "2061", "2082", "2021", "2039",
    ];

    public static object Template(int from, string? planId = null, string? goalA = null, string? goalB = null, int? version = null,
        string libraryText = "Kommunen erbjuder bokpåsar till alla nyfödda barn.") => new
    {
        title = AgreementTemplates.DefaultTitle,
        reference = $"RD-TEST/{from}",
        period = new { from = $"{from}-01-01", to = $"{from + 3}-12-31" },
        planId,
        caseOfficer = new { name = "Testa Handläggare", title = "Samverkansstrateg" },
        sections = new object[]
        {
            new
            {
                heading = "Grundläggande värden",
                items = new[]
                {
                    new
                    {
                        style = "bullet",
                        text = "Kulturen ska nå alla som bor i {kommun}.",
                        commitments = new object[]
                        {
                            new { parties = new[] { "region" }, text = "Regionen planerar turnéerna så att hela länet får besök.", goalIds = Goals(goalA) },
                            new { parties = new[] { "municipality" }, text = "{kommun} håller en tillgänglig scen öppen för turnéer." },
                            new { parties = new[] { "region", "municipality" }, text = "{region} och {kommun} följer upp publiken varje år.", target = "1 000 besökare" },
                        },
                    },
                },
            },
            new
            {
                heading = "Bibliotek",
                items = new[]
                {
                    new
                    {
                        style = "paragraph",
                        text = "Biblioteken är öppna mötesplatser.",
                        commitments = new object[] { new { parties = new[] { "municipality" }, text = libraryText, goalIds = Goals(goalB) } },
                    },
                },
            },
            new
            {
                heading = "Kulturarv:",
                items = new[]
                {
                    new
                    {
                        style = "paragraph",
                        text = "Kulturarvet är en resurs för hela länet.",
                        commitments = new object[] { new { parties = new[] { "region" }, text = "Länsmuseet ger kommunen råd i kulturmiljöfrågor." } },
                    },
                },
            },
        },
        signatures = new[]
        {
            new { party = "municipality", name = "", role = "Kommunstyrelsens ordförande" },
            new { party = "region", name = "Regionens ordförande", role = "Ordförande i kultur- och bildningsnämnden" },
        },
        version,
    };

    private static string[] Goals(string? id) => id is null ? [] : [id];

    public static async Task<string> CreateTemplateAsync(AppFixture app, object body)
    {
        var created = await (await app.As(AppFixture.RegionOfficer).PostAsJsonAsync("/api/v1/agreement-templates?region=20", body)).JsonAsync(201);
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>The drafts of one template by municipality code, read from the database.</summary>
    public static Task<Dictionary<string, Guid>> DraftsAsync(AppFixture app, string templateId) => app.QueryAsync(async db =>
    {
        var id = Guid.Parse(templateId);
        return await (from a in db.Set<Agreement>()
                      where a.TemplateId == id
                      from p in a.Parties
                      join o in db.Organizations on p.OrganizationId equals o.Id
                      where o.Kind == Organizations.OrganizationKind.Municipality
                      select new { o.Code, a.Id }).ToDictionaryAsync(x => x.Code, x => x.Id);
    });

    [Fact]
    public async Task DraftsFromTemplate_CreatesOneForEachOfTheFifteenMunicipalities_AndASecondRunSkipsThemAll()
    {
        var region = app.As(AppFixture.RegionOfficer);
        var created = await region.PostAsJsonAsync("/api/v1/agreement-templates?region=20", Template(2031));
        var template = await created.JsonAsync(201);
        var id = template.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/agreement-templates/{id}", created.Headers.Location?.ToString());
        Assert.Equal(1, template.GetProperty("version").GetInt32());
        Assert.Equal(AgreementTemplates.DefaultTitle, template.GetProperty("title").GetString());
        Assert.Equal("Kulturarv:", template.GetProperty("sections")[2].GetProperty("heading").GetString());
        Assert.Equal(["region", "municipality"], template.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("commitments")[2]
            .GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        var list = await (await region.GetAsync("/api/v1/agreement-templates?region=20")).JsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == id);

        var first = await (await region.PostAsync($"/api/v1/agreement-templates/{id}/drafts", null)).JsonAsync(201);
        Assert.Equal(15, first.GetProperty("created").GetArrayLength());
        Assert.Empty(first.GetProperty("skipped").EnumerateArray());
        var drafts = await DraftsAsync(app, id);
        Assert.Equal(DalarnaInSwedishOrder.Order(), drafts.Keys.Order());
        Assert.Equal(drafts.Values.Order(), first.GetProperty("created").EnumerateArray().Select(e => e.GetGuid()).Order());

        var second = await (await region.PostAsync($"/api/v1/agreement-templates/{id}/drafts", null)).JsonAsync(200);
        Assert.Empty(second.GetProperty("created").EnumerateArray());
        Assert.Equal(DalarnaInSwedishOrder, second.GetProperty("skipped").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(15, (await DraftsAsync(app, id)).Count);

        // Each draft is an ordinary draft agreement with the placeholders filled in for its municipality.
        var smedjebacken = await (await region.GetAsync($"/api/v1/agreements/{drafts["2061"]}")).JsonAsync();
        Assert.Equal("Överenskommelse mellan Smedjebackens kommun och Region Dalarna 2031–2034", smedjebacken.GetProperty("title").GetString());
        Assert.Equal(("draft", 1), (smedjebacken.GetProperty("status").GetString(), smedjebacken.GetProperty("version").GetInt32()));
        Assert.Equal(["20", "2061"], smedjebacken.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        var commitments = smedjebacken.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("commitments");
        Assert.Equal("Kulturen ska nå alla som bor i Smedjebackens kommun.", smedjebacken.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("text").GetString());
        Assert.Equal(["20", "2061"], commitments[2].GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("Region Dalarna och Smedjebackens kommun följer upp publiken varje år.", commitments[2].GetProperty("text").GetString());
        Assert.Equal("2061", smedjebacken.GetProperty("signatures")[0].GetProperty("party").GetString());
        // Every draft has commitment ids of its own, so follow-up can tell them apart.
        var mora = await (await region.GetAsync($"/api/v1/agreements/{drafts["2062"]}")).JsonAsync();
        Assert.NotEqual(commitments[0].GetProperty("id").GetString(),
            mora.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("commitments")[0].GetProperty("id").GetString());
        var templateNow = await (await region.GetAsync($"/api/v1/agreement-templates/{id}")).JsonAsync();
        Assert.Equal(15, templateNow.GetProperty("drafts").GetInt32());
    }

    [Fact]
    public async Task DraftsFromTemplate_SkipsAMunicipalityWithAnAgreementOfItsOwnForThePeriod_ButNotAWithdrawnOne()
    {
        var region = app.As(AppFixture.RegionOfficer);
        async Task<string> ByHandAsync(string code, string title)
        {
            var body = JsonNode.Parse(JsonSerializer.Serialize(AgreementScenarioTests.Body(title)).Replace("\"2061\"", $"\"{code}\""))!;
            body["period"] = new JsonObject { ["from"] = "2111-01-01", ["to"] = "2112-12-31" };
            return (await (await region.PostAsJsonAsync("/api/v1/agreements", body)).JsonAsync(201)).GetProperty("id").GetString()!;
        }
        // Smedjebacken's agreement was drafted by hand and overlaps the template's period 2110–2113; Mora's was withdrawn.
        await ByHandAsync("2061", "Smedjebackens egen överenskommelse 2111–2112");
        var mora = await ByHandAsync("2062", "Moras återkallade överenskommelse 2111–2112");
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{mora}/transitions", new { to = "withdrawn" })).JsonAsync();

        var id = await CreateTemplateAsync(app, Template(2110));
        var run = await (await region.PostAsync($"/api/v1/agreement-templates/{id}/drafts", null)).JsonAsync(201);
        Assert.Equal(14, run.GetProperty("created").GetArrayLength());
        Assert.Equal(["2061"], run.GetProperty("skipped").EnumerateArray().Select(e => e.GetString()));
        var drafts = await DraftsAsync(app, id);
        Assert.DoesNotContain("2061", drafts.Keys);
        Assert.Contains("2062", drafts.Keys);
    }

    [Fact]
    public async Task Departures_AfterTheMunicipalityEditsItsDraft_ShowUnchangedChangedAddedAndRemovedSections()
    {
        var id = await CreateTemplateAsync(app, Template(2035));
        await (await app.As(AppFixture.RegionOfficer).PostAsync($"/api/v1/agreement-templates/{id}/drafts", null)).JsonAsync(201);
        var drafts = await DraftsAsync(app, id);
        var municipality = app.As(AppFixture.Smedjebacken);

        // A fresh draft does not depart from its template at all.
        var fresh = await (await municipality.GetAsync($"/api/v1/agreements/{drafts["2061"]}/template-departures")).JsonAsync();
        Assert.Equal((3, 0, 0, 0), Counts(fresh));
        Assert.All(fresh.GetProperty("sections").EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, Kind(s, "diff")));

        var draft = JsonNode.Parse(await (await municipality.GetAsync($"/api/v1/agreements/{drafts["2061"]}")).Content.ReadAsStringAsync())!;
        var sections = draft["sections"]!.AsArray();
        sections[1]!["items"]![0]!["commitments"]![0]!["text"] = "Kommunen erbjuder bokpåsar och sagostunder till alla små barn.";
        sections.RemoveAt(2);
        sections.Add(JsonNode.Parse("""
            {"heading":"Sverigefinsk kultur","items":[{"style":"paragraph","text":"Smedjebacken är finskt förvaltningsområde.",
             "commitments":[{"parties":["2061"],"text":"Biblioteket har sagostunder på finska."}]}]}
            """));
        await (await municipality.PutAsJsonAsync($"/api/v1/agreements/{drafts["2061"]}", draft)).JsonAsync();

        var departures = await (await municipality.GetAsync($"/api/v1/agreements/{drafts["2061"]}/template-departures")).JsonAsync();
        Assert.Equal(2, departures.GetProperty("version").GetInt32());
        Assert.Equal((1, 1, 1, 1), Counts(departures));
        var byHeading = departures.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("heading").GetString()!);
        Assert.Equal("unchanged", byHeading["Grundläggande värden"].GetProperty("change").GetString());
        var changed = byHeading["Bibliotek"];
        Assert.Equal("changed", changed.GetProperty("change").GetString());
        var segments = changed.GetProperty("diff").GetProperty("segments").EnumerateArray().ToList();
        Assert.Contains("sagostunder", Joined(segments, "insert"));
        Assert.Contains("nyfödda", Joined(segments, "delete"));
        Assert.Equal("added", byHeading["Sverigefinsk kultur"].GetProperty("change").GetString());
        Assert.Equal(JsonValueKind.Null, Kind(byHeading["Sverigefinsk kultur"], "templateIndex"));
        var removed = byHeading["Kulturarv:"];
        Assert.Equal("removed", removed.GetProperty("change").GetString());
        Assert.Equal(JsonValueKind.Null, Kind(removed, "index"));
        Assert.Contains("Länsmuseet", Joined(removed.GetProperty("diff").GetProperty("segments").EnumerateArray().ToList(), "delete"));

        // Another municipality's draft is untouched by Smedjebacken's edit.
        var moraDepartures = await (await app.As(AppFixture.Mora).GetAsync($"/api/v1/agreements/{drafts["2062"]}/template-departures")).JsonAsync();
        Assert.Equal((3, 0, 0, 0), Counts(moraDepartures));
    }

    [Fact]
    public async Task MunicipalityOfficer_CannotEditTheTemplate_AndDoesNotSeeOtherMunicipalitiesDrafts()
    {
        var id = await CreateTemplateAsync(app, Template(2043));
        await (await app.As(AppFixture.RegionOfficer).PostAsync($"/api/v1/agreement-templates/{id}/drafts", null)).JsonAsync(201);
        var drafts = await DraftsAsync(app, id);
        var before = await app.WrittenStateAsync();
        var smedjebacken = app.As(AppFixture.Smedjebacken);

        // The template can be read by the county's municipalities, but only the region's staff write it.
        await (await smedjebacken.GetAsync($"/api/v1/agreement-templates/{id}")).JsonAsync();
        await (await smedjebacken.PutAsJsonAsync($"/api/v1/agreement-templates/{id}", Template(2043, version: 1))).ProblemAsync(403, "access.forbidden");
        await (await smedjebacken.PostAsync($"/api/v1/agreement-templates/{id}/drafts", null)).ProblemAsync(403, "access.forbidden");
        await (await smedjebacken.PostAsJsonAsync("/api/v1/agreement-templates?region=20", Template(2043))).ProblemAsync(403, "access.forbidden");
        await (await app.As(AppFixture.Viewer).PutAsJsonAsync($"/api/v1/agreement-templates/{id}", Template(2043, version: 1))).ProblemAsync(403);

        // Its own draft it sees; Mora's draft and its departures do not exist for it.
        await (await smedjebacken.GetAsync($"/api/v1/agreements/{drafts["2061"]}")).JsonAsync();
        await (await smedjebacken.GetAsync($"/api/v1/agreements/{drafts["2062"]}")).ProblemAsync(404, "agreement.not-found");
        await (await smedjebacken.GetAsync($"/api/v1/agreements/{drafts["2062"]}/template-departures")).ProblemAsync(404, "agreement.not-found");

        // Another region and the public do not see the template.
        await (await app.As(AppFixture.Gavleborg).GetAsync($"/api/v1/agreement-templates/{id}")).ProblemAsync(404, "template.not-found");
        await (await app.As(AppFixture.Gavleborg).PutAsJsonAsync($"/api/v1/agreement-templates/{id}", Template(2043, version: 1))).ProblemAsync(404);
        await (await app.Anonymous().GetAsync($"/api/v1/agreement-templates/{id}")).ProblemAsync(401);
        await (await app.Anonymous().GetAsync("/api/v1/agreement-templates?region=20")).ProblemAsync(401);
        await (await app.Anonymous().GetAsync($"/api/v1/agreements/{drafts["2061"]}/template-departures")).ProblemAsync(404);

        Assert.Equal(before, await app.WrittenStateAsync());
        Assert.Equal(1, await app.QueryAsync(db => db.Set<AgreementTemplate>().Where(t => t.Id == Guid.Parse(id)).Select(t => t.Version).SingleAsync()));
    }

    [Fact]
    public async Task SaveTemplate_ChecksItLikeAnAgreement_AndRefusesAStaleEdit()
    {
        var region = app.As(AppFixture.RegionOfficer);
        var id = await CreateTemplateAsync(app, Template(2047));
        var before = await app.QueryAsync(db => db.Set<AgreementTemplate>().CountAsync());

        var unknown = JsonNode.Parse(JsonSerializer.Serialize(Template(2047)))!;
        unknown["title"] = "Överenskommelse med {kommunen}";
        await (await region.PostAsJsonAsync("/api/v1/agreement-templates?region=20", unknown)).ProblemAsync(400, "template.placeholder-unknown");
        var realParty = JsonNode.Parse(JsonSerializer.Serialize(Template(2047)))!;
        realParty["sections"]![0]!["items"]![0]!["commitments"]![1]!["parties"] = new JsonArray("2061");
        await (await region.PostAsJsonAsync("/api/v1/agreement-templates?region=20", realParty)).ProblemAsync(400, "template.party-invalid");
        var noPeriod = JsonNode.Parse(JsonSerializer.Serialize(Template(2047)))!;
        noPeriod.AsObject().Remove("period");
        await (await region.PostAsJsonAsync("/api/v1/agreement-templates?region=20", noPeriod)).ProblemAsync(400, "template.period-required");
        var emptyCommitment = JsonNode.Parse(JsonSerializer.Serialize(Template(2047)))!;
        emptyCommitment["sections"]![1]!["items"]![0]!["commitments"]![0]!["text"] = " ";
        await (await region.PostAsJsonAsync("/api/v1/agreement-templates?region=20", emptyCommitment)).ProblemAsync(400, "agreement.commitment-text-required");
        await (await region.PostAsJsonAsync("/api/v1/agreement-templates?region=20", Template(2047, goalA: Guid.NewGuid().ToString())))
            .ProblemAsync(400, "agreement.goal-unknown");
        await (await region.PostAsJsonAsync("/api/v1/agreement-templates?region=99", Template(2047))).ProblemAsync(404, "region.not-found");
        Assert.Equal(before, await app.QueryAsync(db => db.Set<AgreementTemplate>().CountAsync()));

        var saved = await (await region.PutAsJsonAsync($"/api/v1/agreement-templates/{id}",
            Template(2047, version: 1, libraryText: "Kommunen erbjuder Bokstart."))).JsonAsync();
        Assert.Equal(2, saved.GetProperty("version").GetInt32());
        var stale = await (await region.PutAsJsonAsync($"/api/v1/agreement-templates/{id}", Template(2047, version: 1))).ProblemAsync(409, "template.stale");
        Assert.Equal(2, stale.GetProperty("currentVersion").GetInt32());
        await (await region.PutAsJsonAsync($"/api/v1/agreement-templates/{id}", Template(2047))).ProblemAsync(400, "request.version-required");
        var kept = await (await region.GetAsync($"/api/v1/agreement-templates/{id}")).JsonAsync();
        Assert.Equal("Kommunen erbjuder Bokstart.",
            kept.GetProperty("sections")[1].GetProperty("items")[0].GetProperty("commitments")[0].GetProperty("text").GetString());
    }

    private static (int, int, int, int) Counts(JsonElement d) => (d.GetProperty("unchanged").GetInt32(), d.GetProperty("changed").GetInt32(),
        d.GetProperty("added").GetInt32(), d.GetProperty("removed").GetInt32());

    private static JsonValueKind Kind(JsonElement e, string property) => e.TryGetProperty(property, out var p) ? p.ValueKind : JsonValueKind.Null;

    private static string Joined(List<JsonElement> segments, string op) =>
        string.Concat(segments.Where(s => s.GetProperty("op").GetString() == op).Select(s => s.GetProperty("text").GetString()));
}

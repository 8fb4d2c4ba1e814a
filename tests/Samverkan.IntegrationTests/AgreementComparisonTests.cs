using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Samverkan.IntegrationTests;

/// <summary>The region's agreements side by side, per goal and per area, as JSON and as a CSV for Excel (plan period 2039–2042).</summary>
[Collection(AppCollection.Name)]
public sealed class AgreementComparisonTests(AppFixture app)
{
    [Fact]
    public async Task Comparison_ByGoalAndByArea_ShowsEachMunicipalitysCommitments_AndThePublicOnlySigned()
    {
        var region = app.As(AppFixture.RegionOfficer);
        var plan = (await (await region.PostAsJsonAsync("/api/v1/plans",
            new { regionCode = "20", title = "Jämförelseplan 2039–2042", startYear = 2039, endYear = 2042, status = "adopted" })).JsonAsync(201))
            .GetProperty("id").GetString()!;
        async Task<string> Goal(string title) =>
            (await (await region.PostAsJsonAsync($"/api/v1/plans/{plan}/goals", new { title })).JsonAsync(201)).GetProperty("id").GetString()!;
        var (stage, reading, art) = (await Goal("Scenkonst i hela länet"), await Goal("Fler läser"), await Goal("Konst i offentliga miljöer"));
        var template = await AgreementTemplateTests.CreateTemplateAsync(app, AgreementTemplateTests.Template(2039, plan, stage, reading));
        await (await region.PostAsync($"/api/v1/agreement-templates/{template}/drafts", null)).JsonAsync(201);
        var drafts = await AgreementTemplateTests.DraftsAsync(app, template);

        // Two municipalities add a local area, spelled differently; Smedjebacken links its commitment to the art goal.
        await AddSectionAsync(app.As(AppFixture.Smedjebacken), drafts["2061"], "Bild och form:", ["2061"],
            "Kommunen visar fem utställningar om året på MEKEN.", art);
        await AddSectionAsync(app.As(AppFixture.Mora), drafts["2062"], "  bild och  form ", ["20", "2062"],
            "Region och kommun ordnar en skulpturvandring i Mora.", null);

        // By goal: the plan's goals as columns, all fifteen municipalities as rows in Swedish order.
        var byGoal = await (await region.GetAsync("/api/v1/agreement-comparisons?region=20&year=2040&by=goal")).JsonAsync();
        Assert.Equal(("goal", plan), (byGoal.GetProperty("by").GetString(), byGoal.GetProperty("plan").GetProperty("id").GetString()));
        Assert.Equal([stage, reading, art], byGoal.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("goalId").GetString()));
        Assert.Equal(AgreementTemplateTests.DalarnaInSwedishOrder, Rows(byGoal).Select(r => r.GetProperty("municipality").GetProperty("code").GetString()));
        Assert.Equal([1, 1, 1], CellCounts(Row(byGoal, "2061")));
        Assert.Equal([1, 1, 0], CellCounts(Row(byGoal, "2084")));
        Assert.Equal(("draft", 2), (Row(byGoal, "2061").GetProperty("status").GetString(), Row(byGoal, "2061").GetProperty("version").GetInt32()));
        Assert.Equal("Kommunen visar fem utställningar om året på MEKEN.", Commitments(Row(byGoal, "2061"), 2)[0].GetProperty("text").GetString());
        Assert.Equal("Regionen planerar turnéerna så att hela länet får besök.", Commitments(Row(byGoal, "2084"), 0)[0].GetProperty("text").GetString());

        // By area: normalized headings; the areas every agreement shares come first, then the local one.
        var byArea = await (await region.GetAsync("/api/v1/agreement-comparisons?region=20&year=2040&by=area")).JsonAsync();
        Assert.Equal(["Grundläggande värden", "Bibliotek", "Kulturarv", "Bild och form"],
            byArea.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("title").GetString()));
        Assert.Equal([3, 1, 1, 1], CellCounts(Row(byArea, "2061")));
        Assert.Equal([3, 1, 1, 1], CellCounts(Row(byArea, "2062")));
        Assert.Equal([3, 1, 1, 0], CellCounts(Row(byArea, "2084")));
        Assert.Equal(["20", "2062"], Commitments(Row(byArea, "2062"), 3)[0].GetProperty("parties").EnumerateArray().Select(p => p.GetString()));

        // Who committed to the art goal: Smedjebacken alone, with that commitment.
        var whoArt = await (await region.GetAsync($"/api/v1/agreement-comparisons?region=20&year=2040&by=goal&goal={art}")).JsonAsync();
        Assert.Equal([art], whoArt.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("goalId").GetString()));
        var only = Assert.Single(Rows(whoArt));
        Assert.Equal("2061", only.GetProperty("municipality").GetProperty("code").GetString());
        Assert.Equal("Kommunen visar fem utställningar om året på MEKEN.", Assert.Single(Commitments(only, 0)).GetProperty("text").GetString());
        var whoStage = await (await region.GetAsync($"/api/v1/agreement-comparisons?region=20&year=2040&goal={stage}")).JsonAsync();
        Assert.Equal(15, Rows(whoStage).Count);
        var artByArea = await (await region.GetAsync($"/api/v1/agreement-comparisons?region=20&year=2040&by=area&goal={art}")).JsonAsync();
        Assert.Equal(["Bild och form"], artByArea.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("title").GetString()));

        // The same matrix as a CSV file that Swedish Excel opens as it is.
        var csv = await region.GetAsync("/api/v1/agreement-comparisons.csv?region=20&year=2040&by=area");
        Assert.Equal(200, (int)csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", csv.Content.Headers.ContentType?.CharSet);
        Assert.Equal("overenskommelser-20-2040-per-omrade.csv", csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("\"Kommun\";\"Kommunkod\";\"Status\";\"Version\";\"Grundläggande värden\";\"Bibliotek\";\"Kulturarv\";\"Bild och form\"", lines[0]);
        Assert.Equal(17, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.StartsWith("\"Älvdalens kommun\";\"2039\";\"Utkast\";\"1\";\"Regionen: ", lines[15]);
        Assert.Contains("\"Kommunen: Kommunen visar fem utställningar om året på MEKEN.\"", lines[12]);
        Assert.Contains("Gemensamt: Region Dalarna och Smedjebackens kommun följer upp publiken varje år. (målvärde: 1 000 besökare)", lines[12]);
        // The documented resource gives the same file by content negotiation.
        using var negotiated = new HttpRequestMessage(HttpMethod.Get, "/api/v1/agreement-comparisons?region=20&year=2040&by=area");
        negotiated.Headers.Accept.ParseAdd("text/csv");
        Assert.Equal(bytes, await (await region.SendAsync(negotiated)).Content.ReadAsByteArrayAsync());
        var goalCsv = await region.GetAsync("/api/v1/agreement-comparisons.csv?region=20&year=2040&by=goal");
        Assert.StartsWith("\"Kommun\";\"Kommunkod\";\"Status\";\"Version\";\"Scenkonst i hela länet\";\"Fler läser\";\"Konst i offentliga miljöer\"",
            Encoding.UTF8.GetString((await goalCsv.Content.ReadAsByteArrayAsync())[3..]));

        // The public sees no drafts: every municipality is listed, none with an agreement.
        var publicBefore = await (await app.Anonymous().GetAsync("/api/v1/agreement-comparisons?region=20&year=2040&by=goal")).JsonAsync();
        Assert.Equal(15, Rows(publicBefore).Count);
        Assert.All(Rows(publicBefore), r => Assert.False(r.TryGetProperty("agreementId", out _)));
        Assert.All(Rows(publicBefore), r => Assert.Equal([0, 0, 0], CellCounts(r)));

        // Smedjebacken's agreement is signed; then an amendment is started that drops the art commitment.
        var id = drafts["2061"];
        var municipality = app.As(AppFixture.Smedjebacken);
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/transitions", new { to = "negotiation" })).JsonAsync();
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 2 })).JsonAsync();
        await (await municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 2 })).JsonAsync();
        await (await municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures", new { version = 2, name = "Kommunens ordförande", place = "Smedjebacken" })).JsonAsync();
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures", new { version = 2, name = "Regionens ordförande", place = "Falun" })).JsonAsync();
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/amendments", new { note = "Utan utställningarna" })).JsonAsync();
        var amended = JsonNode.Parse(await (await region.GetAsync($"/api/v1/agreements/{id}")).Content.ReadAsStringAsync())!;
        amended["sections"]!.AsArray().RemoveAt(3);
        await (await region.PutAsJsonAsync($"/api/v1/agreements/{id}", amended)).JsonAsync();

        // The public compares the signed version only: Smedjebacken's, with the art commitment still in it.
        var publicAfter = await (await app.Anonymous().GetAsync("/api/v1/agreement-comparisons?region=20&year=2040&by=goal")).JsonAsync();
        var shown = Assert.Single(Rows(publicAfter), r => r.TryGetProperty("agreementId", out _));
        Assert.Equal("2061", shown.GetProperty("municipality").GetProperty("code").GetString());
        Assert.Equal(("signed", 2), (shown.GetProperty("status").GetString(), shown.GetProperty("version").GetInt32()));
        Assert.Equal([1, 1, 1], CellCounts(shown));
        // The region's staff compare the latest version, the amendment without it.
        Assert.Equal([1, 1, 0], CellCounts(Row(await (await region.GetAsync("/api/v1/agreement-comparisons?region=20&year=2040")).JsonAsync(), "2061")));
        // A party sees its own draft beside the signed agreements of others, and no one else's draft.
        var mora = await (await app.As(AppFixture.Mora).GetAsync("/api/v1/agreement-comparisons?region=20&year=2040&by=area")).JsonAsync();
        Assert.Equal("draft", Row(mora, "2062").GetProperty("status").GetString());
        Assert.Equal("signed", Row(mora, "2061").GetProperty("status").GetString());
        Assert.False(Row(mora, "2084").TryGetProperty("agreementId", out _));
    }

    [Fact]
    public async Task Comparison_WithBadParameters_AnswersProblemsWithCodes()
    {
        var client = app.As(AppFixture.RegionOfficer);
        await (await client.GetAsync("/api/v1/agreement-comparisons?region=20&year=2040&by=colour")).ProblemAsync(400, "comparison.by-invalid");
        await (await client.GetAsync("/api/v1/agreement-comparisons?region=20")).ProblemAsync(400, "comparison.year-required");
        await (await client.GetAsync("/api/v1/agreement-comparisons?year=2040")).ProblemAsync(400, "comparison.region-required");
        await (await client.GetAsync("/api/v1/agreement-comparisons?region=99&year=2040")).ProblemAsync(404, "region.not-found");
        await (await client.GetAsync($"/api/v1/agreement-comparisons?region=20&year=2024&goal={Guid.NewGuid()}")).ProblemAsync(404, "goal.not-found");
        // A year past every test's plans (the authorization matrix makes them up to 2099).
        await (await client.GetAsync("/api/v1/agreement-comparisons?region=20&year=2150&by=goal")).ProblemAsync(404, "comparison.plan-not-found");
        await (await client.GetAsync("/api/v1/agreement-comparisons.csv?region=20&year=2040&by=colour")).ProblemAsync(400, "comparison.by-invalid");
    }

    /// <summary>Adds a section with one commitment to a draft through the API (the page tests use it too).</summary>
    internal static async Task AddSectionAsync(HttpClient client, Guid id, string heading, string[] parties, string text, string? goal)
    {
        var draft = JsonNode.Parse(await (await client.GetAsync($"/api/v1/agreements/{id}")).Content.ReadAsStringAsync())!;
        draft["sections"]!.AsArray().Add(JsonNode.Parse(JsonSerializer.Serialize(new
        {
            heading,
            items = new[]
            {
                new { style = "paragraph", text = "Lokalt område.", commitments = new[] { new { parties, text, goalIds = goal is null ? Array.Empty<string>() : [goal] } } },
            },
        })));
        await (await client.PutAsJsonAsync($"/api/v1/agreements/{id}", draft)).JsonAsync();
    }

    private static List<JsonElement> Rows(JsonElement comparison) => comparison.GetProperty("rows").EnumerateArray().ToList();

    private static JsonElement Row(JsonElement comparison, string code) =>
        Rows(comparison).Single(r => r.GetProperty("municipality").GetProperty("code").GetString() == code);

    private static List<int> CellCounts(JsonElement row) =>
        row.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("commitments").GetArrayLength()).ToList();

    private static List<JsonElement> Commitments(JsonElement row, int column) =>
        row.GetProperty("cells")[column].GetProperty("commitments").EnumerateArray().ToList();
}

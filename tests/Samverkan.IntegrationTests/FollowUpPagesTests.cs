using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Samverkan.IntegrationTests;

/// <summary>The follow-up pages without JavaScript: a municipality's officer fills in and submits, the region returns and accepts.</summary>
[Collection(AppCollection.Name)]
public sealed class FollowUpPagesTests(AppFixture app)
{
    private sealed record Round(string Id, string Agreement, string Municipal);

    /// <summary>An open round for a year of its own over a plan with one signed agreement 20–2061.</summary>
    private async Task<Round> OpenRoundAsync(int year)
    {
        var region = app.As(AppFixture.RegionOfficer);
        var municipality = app.As(AppFixture.Smedjebacken);
        var plan = (await (await region.PostAsJsonAsync("/api/v1/plans",
            new { regionCode = "20", title = $"Plan för uppföljningssidor {year}", startYear = year, endYear = year + 3, status = "adopted" })).JsonAsync(201))
            .GetProperty("id").GetString()!;
        var body = System.Text.Json.JsonSerializer.SerializeToNode(AgreementScenarioTests.Body($"Överenskommelse för uppföljningssidor {year}"))!.AsObject();
        body["planId"] = plan;
        body["period"] = new JsonObject { ["from"] = $"{year}-01-01", ["to"] = $"{year + 3}-12-31" };
        var created = await (await region.PostAsync("/api/v1/agreements", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"))).JsonAsync(201);
        var id = created.GetProperty("id").GetString()!;
        var municipal = created.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("commitments")[1].GetProperty("id").GetString()!;
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/transitions", new { to = "negotiation" })).JsonAsync();
        foreach (var client in new[] { region, municipality })
            await (await client.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 1 })).JsonAsync();
        foreach (var client in new[] { region, municipality })
            await (await client.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures",
                new { version = 1, name = "Undertecknare", role = "Ordförande", place = "Falun", date = "2026-11-28" })).JsonAsync();
        var round = await (await region.PostAsJsonAsync("/api/v1/follow-up-rounds",
            new { planId = plan, year, deadline = $"{year + 1}-03-31", instructions = "Svara kort för varje åtagande." })).JsonAsync(201);
        return new Round(round.GetProperty("id").GetString()!, id, municipal);
    }

    /// <summary>The form of the answers themselves (the page also has the spreadsheet import's form).</summary>
    private static bool TheForm(HtmlForm f) =>
        f.Action.StartsWith("/uppfoljning/", StringComparison.Ordinal) && !f.Action.Contains("handler=", StringComparison.Ordinal);

    /// <summary>What the follow-up form renders, as a browser posts it with a file (the token is added by the poster).</summary>
    private static Dictionary<string, string[]> Fields(Page page, (string Name, string Value) button) =>
        HtmlForm.All(page.Html).First(TheForm).Fields
            .Where(f => f.Name != "__RequestVerificationToken").Append(button)
            .GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Select(f => f.Value).ToArray());

    [Fact]
    public async Task Officer_FillsUploadsSubmits_RegionReturns_OfficerResubmits_RegionAccepts()
    {
        var round = await OpenRoundAsync(2101 - 3 - 1);
        var url = $"/uppfoljning/{round.Id}/{round.Agreement}?part=2061";
        var officer = await Browser.SignInAsync(app, AppFixture.Smedjebacken);

        var rounds = await officer.GetAsync("/uppfoljning");
        Assert.Contains($"href=\"{url.Replace("&", "&amp;")}\"", rounds.Html);
        var form = await officer.GetAsync(url);
        Assert.Contains("<legend>Åtagande 1: Kommunen håller en tillgänglig spelplats öppen för turnerande scenkonst.</legend>", form.Html);
        Assert.Contains("Region och kommun följer tillsammans upp publiken varje år.", form.Html);
        Assert.Contains("Tillåtna filtyper: PDF", form.Html);

        // A progress over 100 is refused with a linked error; what was typed stays.
        var bad = await officer.SubmitAsync(form, TheForm, new()
        {
            ["Entries[0].Status"] = ["ongoing"], ["Entries[0].Progress"] = ["150"], ["Entries[0].Narrative"] = ["Scenen har fått ny ramp."],
        }, ("command", "save:0"));
        Assert.Contains("href=\"#Entries_0__Progress\"", bad.Html);
        Assert.Contains("Scenen har fått ny ramp.", bad.Html);
        Assert.Contains("value=\"150\"", bad.Html);

        var saved = await officer.SubmitAsync(bad, TheForm, new()
        {
            ["Entries[0].Progress"] = ["60"], ["Entries[0].Indicators[0].Name"] = ["Föreställningar"], ["Entries[0].Indicators[0].Value"] = ["4"],
            ["Entries[1].Status"] = ["done"], ["Entries[1].Narrative"] = ["Publiken räknades vid varje föreställning."],
        }, ("command", "save-all"), expect: HttpStatusCode.Redirect);
        Assert.Equal(url, saved.Location);

        form = await officer.GetAsync(url);
        var upload = await officer.PostMultipartAsync(url, form, Fields(form, ("command", "upload:0")), ("Entries[0].File", "program.exe", [0x4D, 0x5A, 0x90, 0]));
        Assert.Equal(HttpStatusCode.OK, upload.Status);
        Assert.Contains("Filtypen .exe tas inte emot", upload.Html);
        upload = await officer.PostMultipartAsync(url, form, Fields(form, ("command", "upload:0")), ("Entries[0].File", "rampen.txt", Encoding.UTF8.GetBytes("Rampen invigdes i mars.\n")));
        Assert.Equal(HttpStatusCode.Redirect, upload.Status);
        form = await officer.GetAsync(url);
        Assert.Contains(">rampen.txt</a>", form.Html);

        var unconfirmed = await officer.SubmitAsync(form, TheForm, new(), ("command", "submit"));
        Assert.Contains("href=\"#Confirm\"", unconfirmed.Html);
        await officer.SubmitAsync(form, TheForm, new() { ["Confirm"] = ["true"] },
            ("command", "submit"), expect: HttpStatusCode.Redirect);
        Assert.Contains("väntar på regionens granskning", (await officer.GetAsync(url)).Html);

        var region = await Browser.SignInAsync(app, AppFixture.RegionOfficer);
        var review = await region.GetAsync(url);
        Assert.Contains("Granska uppföljningen", review.Html);
        var noComment = await region.SubmitAsync(review, f => f.Action.Contains("handler=Review", StringComparison.Ordinal),
            new() { ["Review.Decision"] = ["return"] });
        Assert.Contains("href=\"#Review_Comment\"", noComment.Html);
        await region.SubmitAsync(review, f => f.Action.Contains("handler=Review", StringComparison.Ordinal),
            new() { ["Review.Decision"] = ["return"], ["Review.Comment"] = ["Berätta hur många som såg föreställningarna."] }, expect: HttpStatusCode.Redirect);

        form = await officer.GetAsync(url);
        Assert.Contains("Regionen har skickat tillbaka uppföljningen", form.Html);
        Assert.Contains("Berätta hur många som såg föreställningarna.", form.Html);
        await officer.SubmitAsync(form, TheForm, new()
        {
            ["Entries[0].Narrative"] = ["Scenen har fått ny ramp. 640 besökare under året."], ["Confirm"] = ["true"],
        }, ("command", "submit"), expect: HttpStatusCode.Redirect);

        review = await region.GetAsync(url);
        await region.SubmitAsync(review, f => f.Action.Contains("handler=Review", StringComparison.Ordinal),
            new() { ["Review.Decision"] = ["accept"] }, expect: HttpStatusCode.Redirect);
        var accepted = await officer.GetAsync(url);
        Assert.Contains("Regionen godkände uppföljningen", accepted.Html);
        Assert.DoesNotContain("name=\"command\"", accepted.Html);

        var timeline = await officer.GetAsync($"/uppfoljning/atagande/{round.Municipal}?overenskommelse={round.Agreement}");
        Assert.Contains("Regionen skickade tillbaka uppföljningen", timeline.Html);
        Assert.Contains("640 besökare under året", timeline.Html);
        Assert.Contains("Underlag lades till", timeline.Html);
    }

    [Fact]
    public async Task ASaveOverSomeoneElsesNewerSave_KeepsTheTypedText_AndOffersToSaveOnTop()
    {
        var round = await OpenRoundAsync(2101 - 3 - 2);
        var url = $"/uppfoljning/{round.Id}/{round.Agreement}?part=2061";
        var officer = await Browser.SignInAsync(app, AppFixture.Smedjebacken);
        var form = await officer.GetAsync(url);
        await (await app.As(AppFixture.Smedjebacken).PutAsJsonAsync($"/api/v1/follow-up-rounds/{round.Id}/entries/{round.Municipal}",
            new { status = "done", narrative = "Sparat från en annan flik." })).JsonAsync();

        var stale = await officer.SubmitAsync(form, TheForm, new()
        {
            ["Entries[0].Status"] = ["ongoing"], ["Entries[0].Narrative"] = ["Min egen text."],
        }, ("command", "save:0"));
        Assert.Contains("Min egen text.", stale.Html);
        Assert.Contains("Sparat från en annan flik.", stale.Html);
        Assert.Contains("value=\"overwrite:0:1\"", stale.Html);
        Assert.Contains("href=\"#Entries_0_\"", stale.Html);
    }

    [Fact]
    public async Task AnotherMunicipality_CannotOpenTheForm()
    {
        var round = await OpenRoundAsync(2101 - 3 - 3);
        var mora = await Browser.SignInAsync(app, AppFixture.Mora);
        var page = await mora.GetAsync($"/uppfoljning/{round.Id}/{round.Agreement}?part=2061", expect: HttpStatusCode.Forbidden);
        Assert.DoesNotContain("Kommunen håller en tillgänglig spelplats", page.Html);
    }

    [Fact]
    public async Task Officer_DownloadsTheFormAsCsv_AndUploadsItFilledIn_ErrorsListedByRow_ThenSaved()
    {
        var round = await OpenRoundAsync(2101 - 3 - 4);
        var url = $"/uppfoljning/{round.Id}/{round.Agreement}?part=2061";
        var officer = await Browser.SignInAsync(app, AppFixture.Smedjebacken);
        var form = await officer.GetAsync(url);
        var csvLink = $"/api/v1/follow-up-rounds/{round.Id}/forms/2061?format=csv";
        Assert.Contains($"href=\"{csvLink}\" download>Ladda ner som CSV</a>", form.Html);
        Assert.Contains($"href=\"/api/v1/follow-up-rounds/{round.Id}/forms/2061?format=xlsx\" download>Ladda ner som Excel</a>", form.Html);
        Assert.Contains("<label for=\"upload\">Läs in en ifylld fil</label>", form.Html);
        var csv = (await officer.GetAsync(csvLink)).Html;
        Assert.Contains(round.Municipal, csv);

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        var mine = lines.FindIndex(l => l.Contains(round.Municipal, StringComparison.Ordinal));
        var before = await app.WrittenStateAsync();
        var broken = lines.ToList();
        broken[mine] = broken[mine].Replace("\"\";\"\";\"\"", "\"ongoing\";\"sextio\";\"Halvvägs.\"", StringComparison.Ordinal);
        var refused = await officer.PostMultipartAsync(url + "&handler=Import", form, new(), ("upload", "uppfoljning.csv", Encoding.UTF8.GetBytes(string.Join("\r\n", broken))));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"error-summary\" autofocus", refused.Html);
        Assert.Contains("<a href=\"#upload\">Filen har 1 fel. Inget har sparats.", refused.Html);
        Assert.Contains($"<a href=\"#upload\">Rad {mine + 1}: procent &quot;sextio&quot; är inte ett heltal.</a>", refused.Html);
        Assert.Equal(before, await app.WrittenStateAsync());

        var filled = lines.ToList();
        filled[mine] = filled[mine].Replace("\"\";\"\";\"\"", "\"ongoing\";\"60\";\"Halvvägs.\"", StringComparison.Ordinal);
        var saved = await officer.PostMultipartAsync(url + "&handler=Import", form, new(), ("upload", "uppfoljning.csv", Encoding.UTF8.GetBytes(string.Join("\r\n", filled))));
        Assert.Equal((HttpStatusCode.Redirect, url), (saved.Status, saved.Location));
        var after = await officer.GetAsync(url);
        Assert.Contains("1 post uppdaterade från filen.", after.Html);
        Assert.Contains("Halvvägs.", after.Html);

        var empty = await officer.PostMultipartAsync(url + "&handler=Import", after, new(), ("upload", "tom.csv", []));
        Assert.Contains("<a href=\"#upload\">Välj en CSV- eller Excel-fil att läsa in.</a>", empty.Html);
    }
}

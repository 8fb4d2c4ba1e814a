using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UglyToad.PdfPig;

namespace Samverkan.IntegrationTests;

/// <summary>Dialogue meetings, their minutes as PDF and the yearly cycle over HTTP: the API, its problems and the pages.</summary>
[Collection(AppCollection.Name)]
public sealed class DialogueTests(AppFixture app)
{
    private static object Meeting(string date = "2031-04-15", object? decisions = null, int? version = null, string? changeNote = null) => new
    {
        region = "20",
        kind = "municipal-dialogue",
        municipality = "2061",
        date,
        place = "Smedjebackens bibliotek",
        organizations = new[] { "lansbibliotek-dalarna" },
        people = new[] { new { name = "Karin Ek", role = "Kulturchef", organization = "2061" } },
        agenda = new[] { new { title = "Läsfrämjande", notes = "Läsecirklarna för unga fortsätter under hösten." } },
        notes = "Nästa möte hålls i april.",
        decisions = decisions ?? new[] { new { text = "Biblioteket prövar en cirkel på finska.", commitments = Array.Empty<Guid>(), goals = Array.Empty<Guid>() } },
        version,
        changeNote,
    };

    [Fact]
    public async Task Minutes_AreCreated_Approved_ChangedAsANewRevision_AndRenderedAsPdf()
    {
        var municipality = app.As(AppFixture.Smedjebacken);
        var response = await municipality.PostAsJsonAsync("/api/v1/dialogue-meetings", Meeting());
        var created = await response.JsonAsync(201);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/dialogue-meetings/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.Equal(["20", "2061", "lansbibliotek-dalarna"], created.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("code").GetString()));

        // The draft is the parties' own; the public sees nothing yet.
        await (await app.Anonymous().GetAsync($"/api/v1/dialogue-meetings/{id}")).ProblemAsync(401);
        await (await app.As(AppFixture.Mora).GetAsync($"/api/v1/dialogue-meetings/{id}")).ProblemAsync(404, "dialogue.not-found");

        var region = app.As(AppFixture.RegionOfficer);
        await (await region.PostAsJsonAsync($"/api/v1/dialogue-meetings/{id}/approval", new { version = 7 })).ProblemAsync(409, "dialogue.stale");
        var approved = await (await region.PostAsJsonAsync($"/api/v1/dialogue-meetings/{id}/approval", new { version = 1 })).JsonAsync();
        Assert.Equal(("approved", 1), (approved.GetProperty("status").GetString(), approved.GetProperty("revision").GetInt32()));

        var decisionId = approved.GetProperty("decisions")[0].GetProperty("id").GetGuid();
        var changed = Meeting(decisions: new[] { new { id = decisionId, text = "Biblioteket prövar en cirkel på finska under hösten.", commitments = Array.Empty<Guid>(), goals = Array.Empty<Guid>() } },
            version: 2);
        await (await municipality.PutAsJsonAsync($"/api/v1/dialogue-meetings/{id}", changed)).ProblemAsync(400, "dialogue.change-note-required");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/dialogue-meetings/{id}")
        {
            Content = JsonContent.Create(Meeting(decisions: new[] { new { id = decisionId, text = "Biblioteket prövar en cirkel på finska under hösten.",
                commitments = Array.Empty<Guid>(), goals = Array.Empty<Guid>() } }, changeNote: "Tiden för cirkeln lades till.")),
        };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"2\"", isWeak: true));
        var amended = await (await municipality.SendAsync(put)).JsonAsync();
        Assert.Equal(2, amended.GetProperty("revision").GetInt32());
        Assert.Equal(decisionId, amended.GetProperty("decisions")[0].GetProperty("id").GetGuid());

        var first = await (await app.Anonymous().GetAsync($"/api/v1/dialogue-meetings/{id}?revision=1")).JsonAsync();
        Assert.Equal("Biblioteket prövar en cirkel på finska.", first.GetProperty("decisions")[0].GetProperty("text").GetString());

        var pdfResponse = await app.Anonymous().GetAsync($"/api/v1/dialogue-meetings/{id}/minutes");
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("protokoll-2031-04-15-smedjebackens-kommun-rev2.pdf", pdfResponse.Content.Headers.ContentDisposition?.ToString());
        using var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync());
        var text = Squeeze(string.Join("\n", pdf.GetPages().Select(p => p.Text)));
        Assert.Contains("PROTOKOLL", text);
        Assert.Contains(Squeeze("Kulturdialog Region Dalarna och Smedjebackens kommun 2031"), text);
        Assert.Contains("Läsfrämjande", text);
        Assert.Contains(Squeeze("en cirkel på finska under hösten"), text);
        Assert.Contains(Squeeze("Tiden för cirkeln lades till."), text);
        Assert.Equal("Kulturdialog Region Dalarna och Smedjebackens kommun 2031", pdf.Information.Title);
        using var old = PdfDocument.Open(await app.Anonymous().GetByteArrayAsync($"/api/v1/dialogue-meetings/{id}/minutes?revision=1"));
        Assert.DoesNotContain(Squeeze("en cirkel på finska under hösten"), Squeeze(string.Join("\n", old.GetPages().Select(p => p.Text))));
    }

    /// <summary>Text without white space: a line may wrap anywhere in the PDF.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task BadInput_IsAProblemNamingTheField_AndWritesNothing()
    {
        var region = app.As(AppFixture.RegionOfficer);
        var before = await CountAsync();
        var problem = await (await region.PostAsJsonAsync("/api/v1/dialogue-meetings",
            Meeting(decisions: new[] { new { text = "Beslut", commitments = new[] { Guid.NewGuid() }, goals = Array.Empty<Guid>() } }))).ProblemAsync(400, "dialogue.commitment-unknown");
        Assert.True(problem.GetProperty("errors").TryGetProperty("decisions[0].commitments", out _));
        await (await region.PostAsJsonAsync("/api/v1/dialogue-meetings", new { region = "20", kind = "municipal-dialogue", municipality = "2061" }))
            .ProblemAsync(400, "dialogue.date-required");
        await (await region.PostAsJsonAsync("/api/v1/dialogue-meetings", new { region = "20", kind = "fika", date = "2031-01-01" }))
            .ProblemAsync(400, "dialogue.kind-invalid");
        await (await app.Anonymous().PostAsJsonAsync("/api/v1/dialogue-meetings", Meeting())).ProblemAsync(401);
        await (await app.As(AppFixture.Mora).PostAsJsonAsync("/api/v1/dialogue-meetings", Meeting())).ProblemAsync(403);
        await (await region.PutAsJsonAsync($"/api/v1/dialogue-meetings/{Guid.NewGuid()}", Meeting(version: 1))).ProblemAsync(404);
        await (await app.Anonymous().GetAsync("/api/v1/dialogue-meetings")).ProblemAsync(400, "dialogue.region-required");
        Assert.Equal(before, await CountAsync());
    }

    private Task<string> CountAsync() => app.QueryAsync(async db =>
        $"{await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditLog)} " +
        $"{await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<Samverkan.Dialogue.DialogueMeeting>())}");

    [Fact]
    public async Task DemoMeetings_AreListed_AndTheYearlyCycleShowsThem()
    {
        var list = await (await app.Anonymous().GetAsync("/api/v1/dialogue-meetings?region=20&year=2025")).JsonAsync();
        var titles = list.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("title").GetString()).ToList();
        Assert.Contains("Regional kulturdialog 2025", titles);
        Assert.DoesNotContain(titles, t => t!.Contains("Leksand"));

        var cycle = await (await app.Anonymous().GetAsync("/api/v1/yearly-cycle?region=20&year=2025")).JsonAsync();
        var october = cycle.GetProperty("months")[9];
        Assert.Equal("Oktober", october.GetProperty("name").GetString());
        Assert.Contains(october.GetProperty("milestones").EnumerateArray(), m => m.GetProperty("title").GetString() == "Regional kulturdialog 2025");
        var march = cycle.GetProperty("months")[2].GetProperty("milestones").EnumerateArray().ToList();
        Assert.Contains(march, m => m.GetProperty("kind").GetString() == "state" && m.GetProperty("assumed").GetBoolean());
        await (await app.Anonymous().GetAsync("/api/v1/yearly-cycle?region=20")).ProblemAsync(400, "cycle.year-required");
    }

    [Fact]
    public async Task Pages_ListTheMeetings_ShowTheMinutes_AndTheYearlyCycleAsAnOrderedList()
    {
        var browser = new Browser(app.Anonymous());
        var list = await browser.GetAsync("/dialog?region=20&year=2024");
        Assert.Contains("Kulturdialog Region Dalarna och Mora kommun 2024", list.Html);
        var cycle = await browser.GetAsync("/arshjul?region=20&year=2025");
        Assert.Contains("<ol class=\"cycle\">", cycle.Html);
        Assert.Contains("Regional kulturdialog 2025", cycle.Html);
        Assert.Contains("datumet är ett antagande", cycle.Html);
        Assert.DoesNotContain("style=", cycle.Html);
        Assert.DoesNotContain("<script", cycle.Html);

        var id = (await (await app.Anonymous().GetAsync("/api/v1/dialogue-meetings?region=20&year=2025")).JsonAsync())
            .GetProperty("items").EnumerateArray().First(m => m.GetProperty("revision").GetInt32() == 2).GetProperty("id").GetString();
        var detail = await browser.GetAsync($"/dialog/{id}");
        Assert.Contains("Ändrat efter justering", detail.Html);
        Assert.Contains($"/api/v1/dialogue-meetings/{id}/minutes", detail.Html);
        var old = await browser.GetAsync($"/dialog/{id}?revision=1");
        Assert.Contains("Du läser revision 1", old.Html);
    }

    [Fact]
    public async Task CreatePage_SavesAMeetingForTheMunicipality_AndShowsAFormErrorOnItsField()
    {
        var browser = await Browser.SignInAsync(app, AppFixture.Smedjebacken);
        var chooser = await browser.GetAsync("/dialog/ny?region=20");
        // A municipality's officer goes straight to their own dialogue.
        Assert.Contains("Dialog mellan Region Dalarna och Smedjebackens kommun", chooser.Html);
        var bad = await browser.SubmitAsync(chooser, f => f.Html.Contains("Input.Date"), new()
        {
            ["Input.Date"] = ["2032-03-03"], ["Input.Agenda[0].Notes"] = ["Anteckning utan rubrik"],
        });
        Assert.Contains("error-summary", bad.Html);
        Assert.Contains("href=\"#Input_Agenda_0__Title\"", bad.Html);
        Assert.Contains("id=\"Input_Agenda_0__Title\"", bad.Html);

        var added = await browser.SubmitAsync(bad, f => f.Html.Contains("Input.Date"), new() { ["Input.Agenda[0].Title"] = ["Läsning"] },
            button: ("command", "add-decision"));
        Assert.Contains("Beslut 2 är tillagt", added.Html);
        var saved = await browser.SubmitAsync(added, f => f.Html.Contains("Input.Date"), new()
        {
            ["Input.Decisions[1].Text"] = ["Vi ses igen i maj."],
        }, expect: HttpStatusCode.Redirect);
        var meeting = await browser.GetAsync(saved.Location!);
        Assert.Contains("Vi ses igen i maj.", meeting.Html);
        Assert.Contains("Läsning", meeting.Html);
        Assert.Contains("Justera protokollet", meeting.Html);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheDialogueEndpoints()
    {
        var doc = await (await app.Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/dialogue-meetings", "/api/v1/dialogue-meetings/{id}", "/api/v1/dialogue-meetings/{id}/approval",
                     "/api/v1/dialogue-meetings/{id}/minutes", "/api/v1/yearly-cycle" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        Assert.Equal("Justera protokollet", paths.GetProperty("/api/v1/dialogue-meetings/{id}/approval").GetProperty("post").GetProperty("summary").GetString());
    }
}

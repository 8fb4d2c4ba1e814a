using System.Text.Json;
using Samverkan.BrowserTests.Support;
using static Samverkan.BrowserTests.Support.Sessions;

namespace Samverkan.BrowserTests;

/// <summary>A follow-up round in the browser: the municipality's officer answers by keyboard and submits; the region returns, then accepts.</summary>
[Collection(AgreementCollection.Name)]
public sealed class FollowUpTests(BrowserFixture app)
{
    /// <summary>A signed agreement 20–2061 under a plan of its own and an open round over it; the municipality's form's address.</summary>
    private async Task<(string Agreement, string Url)> OpenRoundAsync(IPage regionPage, IPage municipalityPage)
    {
        var title = $"Överenskommelse att följa upp {Tag()}";
        var regionApi = new AgreementApi(regionPage);
        var id = await regionApi.CreateAsync(title, "Parterna följer upp arbetet varje år.");
        await regionApi.MoveToAsync(id, "negotiation");
        await regionApi.ApproveAsync(id, 1);
        var municipalityApi = new AgreementApi(municipalityPage);
        await municipalityApi.ApproveAsync(id, 1);
        await regionApi.SignAsync(id, 1, "Rolf Regionsson", "Falun");
        await municipalityApi.SignAsync(id, 1, "Stina Kommunsson", "Smedjebacken");
        var plan = await app.Data.CreatePlanAsync($"Plan att följa upp {Tag()}", "adopted");
        var opened = await regionPage.APIRequest.FetchAsync("/api/v1/follow-up-rounds", new()
        {
            Method = "POST", DataObject = new { planId = plan, year = 2027, deadline = "2028-03-31", instructions = "Svara kort för varje åtagande." },
        });
        Assert.Equal(201, opened.Status);
        var round = JsonDocument.Parse(await opened.TextAsync()).RootElement.GetProperty("id").GetGuid();
        return (id.ToString(), $"/uppfoljning/{round}/{id}?part={TestData.MunicipalityCode}");
    }

    [Fact]
    public async Task Officer_AnswersUploadsSubmits_RegionReturns_OfficerFixesAndResubmits_RegionAccepts()
    {
        await using var region = await app.SignedInAsync(app.Data.RegionOfficer);
        await using var municipality = await app.SignedInAsync(app.Data.MunicipalityOfficer);
        var (_, url) = await OpenRoundAsync(region.Page, municipality.Page);

        // The officer answers the one commitment with the keyboard and uploads a file.
        var m = municipality.Page;
        await m.GotoAsync(url);
        await Expect(m.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Uppföljning 2027");
        await m.AssertAccessibleAsync();
        var commitment = m.Locator("#atagande-0");
        await Expect(commitment.Locator("legend").First).ToContainTextAsync("Kommunen ställer en lokal med hörslinga");
        await m.TabToAsync(commitment.GetByRole(AriaRole.Radio, new() { Name = "Ej påbörjat" }), maxPresses: 50);
        await m.Keyboard.PressAsync("ArrowDown");
        await Expect(commitment.GetByRole(AriaRole.Radio, new() { Name = "Pågår" })).ToBeCheckedAsync();
        await m.Keyboard.PressAsync("Tab");
        await Expect(commitment.GetByLabel("Hur långt har åtagandet kommit, i procent")).ToBeFocusedAsync();
        await m.Keyboard.TypeAsync("50");
        await m.Keyboard.PressAsync("Tab");
        await m.Keyboard.TypeAsync("Lokalen är bokad för turnén i oktober.");
        await commitment.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "hörslinga.txt", MimeType = "text/plain", Buffer = "Hörslingan är kontrollerad.\n"u8.ToArray(),
        });
        await m.TabToAsync(commitment.GetByRole(AriaRole.Button, new() { Name = "Spara och ladda upp filen till åtagande 1" }), maxPresses: 20);
        await m.Keyboard.PressAsync("Enter");
        await Expect(m.GetByRole(AriaRole.Status)).ToContainTextAsync("Filen är uppladdad till åtagande 1.");
        await Expect(commitment.GetByRole(AriaRole.Link, new() { Name = "hörslinga.txt" })).ToBeVisibleAsync();
        await Expect(commitment.GetByLabel("Kort beskrivning")).ToHaveValueAsync("Lokalen är bokad för turnén i oktober.");
        await m.AssertAccessibleAsync();

        // Submitting without ticking the confirmation is refused with a linked error; then it goes in.
        await m.TabToAsync(m.GetByRole(AriaRole.Button, new() { Name = "Skicka in" }), maxPresses: 80);
        await m.Keyboard.PressAsync("Enter");
        await Expect(m.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(m.Locator("#error-summary")).ToContainTextAsync("Kryssa i att svaren är klara");
        await m.AssertNoAxeViolationsAsync();
        await m.GetByLabel("Svaren för Smedjebackens kommun är klara att skickas till regionen").CheckAsync();
        await m.GetByRole(AriaRole.Button, new() { Name = "Skicka in" }).ClickAsync();
        await Expect(m.GetByRole(AriaRole.Status)).ToContainTextAsync("Uppföljningen är inskickad.");

        // The region returns it with a comment.
        var r = region.Page;
        await r.GotoAsync(url);
        await Expect(r.GetByRole(AriaRole.Heading, new() { Name = "Granska uppföljningen" })).ToBeVisibleAsync();
        await r.AssertAccessibleAsync();
        await r.GetByRole(AriaRole.Radio, new() { Name = "Skicka tillbaka för komplettering" }).CheckAsync();
        await r.GetByLabel("Kommentar till Smedjebackens kommun").FillAsync("Ange hur många besökare som använde hörslingan.");
        await r.GetByRole(AriaRole.Button, new() { Name = "Spara beslutet" }).ClickAsync();
        await Expect(r.GetByRole(AriaRole.Status)).ToContainTextAsync("tillbakaskickad");

        // The officer sees the comment, fixes the answer and submits again.
        await m.GotoAsync(url);
        await Expect(m.GetByRole(AriaRole.Heading, new() { Name = "Regionen har skickat tillbaka uppföljningen" })).ToBeVisibleAsync();
        await Expect(m.Locator(".review-comment")).ToHaveTextAsync("Ange hur många besökare som använde hörslingan.");
        await m.AssertAccessibleAsync();
        await commitment.GetByLabel("Kort beskrivning").FillAsync("Lokalen användes i oktober; 85 besökare använde hörslingan.");
        await m.GetByLabel("Svaren för Smedjebackens kommun är klara att skickas till regionen").CheckAsync();
        await m.GetByRole(AriaRole.Button, new() { Name = "Skicka in" }).ClickAsync();
        await Expect(m.GetByRole(AriaRole.Status)).ToContainTextAsync("Uppföljningen är inskickad.");

        // The region accepts.
        await r.GotoAsync(url);
        await r.GetByRole(AriaRole.Radio, new() { Name = "Godkänn" }).CheckAsync();
        await r.GetByRole(AriaRole.Button, new() { Name = "Spara beslutet" }).ClickAsync();
        await Expect(r.GetByRole(AriaRole.Status)).ToContainTextAsync("är godkänd");
        await r.GotoAsync("/uppfoljning");
        await r.AssertAccessibleAsync();

        await m.GotoAsync(url);
        await Expect(m.GetByText("Regionen godkände uppföljningen")).ToBeVisibleAsync();
        await m.GetByRole(AriaRole.Link, new() { Name = "Åtagandets historik för åtagande 1" }).ClickAsync();
        await Expect(m.GetByText("Regionen skickade tillbaka uppföljningen")).ToBeVisibleAsync();
        await m.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Officer_DownloadsTheFormAsCsv_ChangesAValue_UploadsIt_AndSeesTheResult()
    {
        await using var region = await app.SignedInAsync(app.Data.RegionOfficer);
        await using var municipality = await app.SignedInAsync(app.Data.MunicipalityOfficer);
        var (agreement, url) = await OpenRoundAsync(region.Page, municipality.Page);
        var m = municipality.Page;
        await m.GotoAsync(url);
        var sheet = m.GetByRole(AriaRole.Region, new() { Name = "Fyll i i ett kalkylblad" });
        await Expect(sheet.GetByRole(AriaRole.Link, new() { Name = "Ladda ner som Excel" })).ToBeVisibleAsync();

        var download = await m.RunAndWaitForDownloadAsync(() => sheet.GetByRole(AriaRole.Link, new() { Name = "Ladda ner som CSV" }).ClickAsync());
        Assert.EndsWith($"-{TestData.MunicipalityCode}.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync(await download.PathAsync())).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"overenskommelse_id\";\"atagande_id\";\"avsnitt\";\"atagande\";\"status\";\"procent\";\"beskrivning\"", lines[0]);
        // The file holds the party's commitments in every agreement of the round (agreements of no plan are in every round of their year).
        var row = Array.FindIndex(lines, l => l.Contains(agreement, StringComparison.Ordinal));
        Assert.Contains("Kommunen ställer en lokal med hörslinga", lines[row]);
        string Filled(string status, string progress, string narrative) => string.Join("\r\n",
            lines.Select((l, i) => i == row ? l[..l.LastIndexOf("\"\";\"\";\"\"", StringComparison.Ordinal)] + $"\"{status}\";\"{progress}\";\"{narrative}\"" : l));

        // A malformed percentage: nothing is saved, the summary takes focus and names the row and the column.
        await sheet.GetByLabel("Läs in en ifylld fil").SetInputFilesAsync(new FilePayload
        {
            Name = "uppfoljning.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Filled("ongoing", "fyrtio", "Från kalkylbladet.")),
        });
        await sheet.GetByRole(AriaRole.Button, new() { Name = "Läs in filen" }).ClickAsync();
        await Expect(m.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(m.Locator("#error-summary")).ToContainTextAsync("Filen har 1 fel. Inget har sparats.");
        await Expect(m.Locator("#error-summary")).ToContainTextAsync($"Rad {row + 1}: procent \"fyrtio\" är inte ett heltal.");
        await Expect(m.Locator("#atagande-0").GetByLabel("Kort beskrivning")).ToHaveValueAsync("");
        await m.AssertNoAxeViolationsAsync();

        await m.GetByLabel("Läs in en ifylld fil").SetInputFilesAsync(new FilePayload
        {
            Name = "uppfoljning.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Filled("Pågår", "40 %", "Från kalkylbladet.")),
        });
        await m.GetByRole(AriaRole.Button, new() { Name = "Läs in filen" }).ClickAsync();
        await Expect(m.GetByRole(AriaRole.Status)).ToContainTextAsync("1 post uppdaterade från filen.");
        var commitment = m.Locator("#atagande-0");
        await Expect(commitment.GetByRole(AriaRole.Radio, new() { Name = "Pågår" })).ToBeCheckedAsync();
        await Expect(commitment.GetByLabel("Hur långt har åtagandet kommit, i procent")).ToHaveValueAsync("40");
        await Expect(commitment.GetByLabel("Kort beskrivning")).ToHaveValueAsync("Från kalkylbladet.");
        await m.AssertAccessibleAsync();
    }
}

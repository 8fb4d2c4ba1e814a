using System.Text.Json;
using Samverkan.BrowserTests.Support;
using static Samverkan.BrowserTests.Support.Sessions;

namespace Samverkan.BrowserTests;

/// <summary>A follow-up round in the browser: the municipality's officer answers by keyboard and submits; the region returns, then accepts.</summary>
[Collection(AgreementCollection.Name)]
public sealed class FollowUpTests(BrowserFixture app)
{
    [Fact]
    public async Task Officer_AnswersUploadsSubmits_RegionReturns_OfficerFixesAndResubmits_RegionAccepts()
    {
        var title = $"Överenskommelse att följa upp {Tag()}";
        await using var region = await app.SignedInAsync(app.Data.RegionOfficer);
        await using var municipality = await app.SignedInAsync(app.Data.MunicipalityOfficer);
        var regionApi = new AgreementApi(region.Page);
        var id = await regionApi.CreateAsync(title, "Parterna följer upp arbetet varje år.");
        await regionApi.MoveToAsync(id, "negotiation");
        await regionApi.ApproveAsync(id, 1);
        var municipalityApi = new AgreementApi(municipality.Page);
        await municipalityApi.ApproveAsync(id, 1);
        await regionApi.SignAsync(id, 1, "Rolf Regionsson", "Falun");
        await municipalityApi.SignAsync(id, 1, "Stina Kommunsson", "Smedjebacken");
        var plan = await app.Data.CreatePlanAsync($"Plan att följa upp {Tag()}", "adopted");
        var opened = await region.Page.APIRequest.FetchAsync("/api/v1/follow-up-rounds", new()
        {
            Method = "POST", DataObject = new { planId = plan, year = 2027, deadline = "2028-03-31", instructions = "Svara kort för varje åtagande." },
        });
        Assert.Equal(201, opened.Status);
        var round = JsonDocument.Parse(await opened.TextAsync()).RootElement.GetProperty("id").GetGuid();
        var url = $"/uppfoljning/{round}/{id}?part={TestData.MunicipalityCode}";

        // The officer answers the one commitment with the keyboard and uploads a file.
        var m = municipality.Page;
        await m.GotoAsync(url);
        await Expect(m.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Uppföljning 2027");
        await m.AssertAccessibleAsync();
        var commitment = m.Locator("#atagande-0");
        await Expect(commitment.Locator("legend").First).ToContainTextAsync("Kommunen ställer en lokal med hörslinga");
        await m.TabToAsync(commitment.GetByRole(AriaRole.Radio, new() { Name = "Ej påbörjat" }), maxPresses: 40);
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
}

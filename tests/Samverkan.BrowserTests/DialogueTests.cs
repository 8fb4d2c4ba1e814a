using Samverkan.BrowserTests.PageObjects;
using Samverkan.BrowserTests.Support;

namespace Samverkan.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DialogueTests(BrowserFixture app)
{
    [Fact]
    public async Task MunicipalityOfficer_WritesAndApprovesMinutes_WithTheKeyboardOnly()
    {
        await using var session = await app.SignedInAsync(app.Data.MunicipalityOfficer, "/dialog?region=20&year=2025");
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dialogmöten 2025", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Nytt protokoll" }));
        await page.Keyboard.PressAsync("Enter");
        // A municipality's officer goes straight to the minutes of their own dialogue with the region.
        await Expect(page.GetByText("Dialog mellan Region Dalarna och Smedjebackens kommun.")).ToBeVisibleAsync();
        var form = new DialogueFormPage(page);
        await page.AssertAccessibleAsync();

        var place = $"Biblioteket, rum {Sessions.Tag()}";
        await page.TabToAsync(form.Place);
        await page.Keyboard.TypeAsync(place);
        await page.TabToAsync(form.AgendaTitle(1), maxPresses: 40);
        await page.Keyboard.TypeAsync("Läsfrämjande");
        await page.Keyboard.PressAsync("Tab");
        await Expect(form.AgendaNotes(1)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Läsecirkeln på finska fortsätter.");
        // Notes under point 2 without a heading: the form says so and leads back to the field.
        await page.TabToAsync(form.AgendaNotes(2), maxPresses: 10);
        await page.Keyboard.TypeAsync("Anteckning utan rubrik.");
        await page.TabToAsync(form.DecisionText(1), maxPresses: 40);
        await page.Keyboard.TypeAsync("Biblioteket bjuder in till en cirkel för unga i höst.");
        await page.TabToAsync(form.GoalsOf(1), maxPresses: 10);
        await page.Keyboard.PressAsync("Enter");
        var goal = page.GetByRole(AriaRole.Checkbox, new() { Name = "Fler i alla åldrar ska läsa, och fler barn ska få läsa tidigt" }).First;
        await page.TabToAsync(goal, maxPresses: 40);
        await page.Keyboard.PressAsync("Space");
        await Expect(goal).ToBeCheckedAsync();
        await page.TabToAsync(form.SaveButtons.Last, maxPresses: 80);
        await page.Keyboard.PressAsync("Enter");

        await Expect(form.ErrorSummary).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        var link = form.ErrorSummary.GetByRole(AriaRole.Link, new() { Name = "Punkt 2 på dagordningen saknar rubrik." });
        await page.TabToAsync(link);
        await page.Keyboard.PressAsync("Enter");
        await Expect(form.AgendaTitle(2)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Övrigt");
        // Enter in a text field presses the form's first button, which is Save.
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Kulturdialog Region Dalarna och Smedjebackens kommun");
        await Expect(page.GetByText(place)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Fler i alla åldrar ska läsa, och fler barn ska få läsa tidigt" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Utkast", new() { Exact = true })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Justera protokollet" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Protokollet är justerat");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ändra (ny revision)" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task YearlyCycle_IsAnOrderedListByMonth_ThatAKeyboardUserCanLeaf()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.GotoAsync("/arshjul?region=20&year=2025");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Årshjul 2025");
        await page.AssertAccessibleAsync();

        var months = page.Locator("ol.cycle > li");
        await Expect(months).ToHaveCountAsync(12);
        await Expect(months.Nth(0).GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Januari");
        var october = months.Nth(9);
        await Expect(october.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Oktober");
        await Expect(october.GetByRole(AriaRole.Link, new() { Name = "Regional kulturdialog 2025" })).ToBeVisibleAsync();
        await Expect(months.Nth(2)).ToContainTextAsync("datumet är ett antagande");

        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "2026 →" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Årshjul 2026");
        await Expect(months.Nth(11)).ToContainTextAsync("Planperioden slutar");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/arshjul?region=20&year=2025");
        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Regional kulturdialog 2025" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Regional kulturdialog 2025", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }
}

using System.Text.RegularExpressions;
using Samverkan.BrowserTests.PageObjects;
using Samverkan.BrowserTests.Support;
using static Samverkan.BrowserTests.Support.Sessions;

namespace Samverkan.BrowserTests;

/// <summary>Drafting: the region starts an agreement with the form and writes it in the structured editor.</summary>
[Collection(AgreementCollection.Name)]
public sealed class AgreementDraftingTests(BrowserFixture app)
{
    [Fact]
    public async Task RegionOfficer_CreatesAgreement_ThenAddsSectionItemAndCommitment_WithTheKeyboardOnly()
    {
        var title = $"Överenskommelse om läsfrämjande {Tag()}";
        await using var session = await app.SignedInAsync(app.Data.RegionOfficer, "/overenskommelser");
        var page = session.Page;
        var list = new AgreementListPage(page);
        await page.AssertAccessibleAsync();
        await page.TabToAsync(list.NewAgreementLink);
        await page.Keyboard.PressAsync("Enter");

        var form = new AgreementCreatePage(page);
        await Expect(form.Heading).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await form.Municipality.SelectOptionAsync(TestData.MunicipalityCode);
        await form.Title.FillAsync(title);
        await form.FromYear.FillAsync("2027");
        await form.ToYear.FillAsync("2030");
        await form.Reference.FocusAsync();
        await page.Keyboard.TypeAsync("RD 2026/0310");
        await page.Keyboard.PressAsync("Enter");

        var editor = new AgreementEditorPage(page);
        await Expect(editor.Heading).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Utkastet är skapat.");
        await Expect(editor.Title).ToHaveValueAsync(title);
        await page.AssertAccessibleAsync();

        // A new section: the command button reloads the form and focus lands on the part it added.
        await page.TabToAsync(editor.AddSectionButton, maxPresses: 80);
        await page.Keyboard.PressAsync("Enter");
        await Expect(editor.StatusMessage).ToContainTextAsync("Avsnitt 3 är tillagt. Inget är sparat än.");
        await Expect(editor.Section(3)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(editor.SectionHeading(3)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Uppföljning");

        // An item in it, with Enter on its button; the heading typed before survives the round trip.
        await page.Keyboard.PressAsync("Tab");
        await Expect(editor.AddItemButton(3)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(editor.StatusMessage).ToContainTextAsync("Stycke 1 i avsnitt 3 är tillagt.");
        await Expect(editor.Item(3, 1)).ToBeFocusedAsync();
        await Expect(editor.SectionHeading(3)).ToHaveValueAsync("Uppföljning");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(editor.ItemText(3, 1)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Parterna följer upp överenskommelsen vid ett möte varje vår.");

        // A commitment on that item, with Space on its button; both parties ticked with Space.
        await page.TabToAsync(editor.AddCommitmentButton(3, 1), maxPresses: 5);
        await page.Keyboard.PressAsync("Space");
        await Expect(editor.StatusMessage).ToContainTextAsync("Åtagande 1 i avsnitt 3, stycke 1 är tillagt.");
        var commitment = editor.Commitment(3, 1, 1);
        await Expect(commitment).ToBeFocusedAsync();
        await Expect(editor.ItemText(3, 1)).ToHaveValueAsync("Parterna följer upp överenskommelsen vid ett möte varje vår.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await Expect(commitment.GetByRole(AriaRole.Checkbox, new() { Name = "Region Dalarna" })).ToBeCheckedAsync();
        await Expect(commitment.GetByRole(AriaRole.Checkbox, new() { Name = "Smedjebackens kommun" })).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(commitment.GetByLabel("Vad parten åtar sig")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Region och kommun redovisar tillsammans hur många elever som mött en författare.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Elever som mött en författare");
        await page.AssertNoAxeViolationsAsync();

        // Enter in a text field saves (the first submit button is Save, never a removal).
        await page.Keyboard.PressAsync("Enter");

        var detail = new AgreementDetailPage(page);
        await Expect(detail.Notice).ToContainTextAsync("Version 2 är sparad.");
        await Expect(detail.Heading).ToContainTextAsync(title);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uppföljning", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Parterna följer upp överenskommelsen vid ett möte varje vår.")).ToBeVisibleAsync();
        var card = detail.Commitment("Region och kommun redovisar tillsammans");
        await Expect(card).ToContainTextAsync("Gemensamt");
        await Expect(card).ToContainTextAsync("Elever som mött en författare");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("RD 2026/0310");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task PeriodEndingBeforeItStarts_ShowsFocusedErrorSummary_AndKeepsTheTypedText_InTheFormAndTheEditor()
    {
        var title = $"Överenskommelse med fel period {Tag()}";
        await using var session = await app.SignedInAsync(app.Data.RegionOfficer, "/overenskommelser/ny");
        var page = session.Page;
        var form = new AgreementCreatePage(page);
        await Expect(form.Heading).ToBeVisibleAsync();

        await form.Municipality.SelectOptionAsync(TestData.MunicipalityCode);
        await form.Title.FillAsync(title);
        await form.FromYear.FillAsync("2030");
        await form.ToYear.FillAsync("2027");
        await form.Reference.FillAsync("RD 2026/0311");
        await form.Reference.PressAsync("Enter");

        await Expect(form.ErrorSummary).ToBeFocusedAsync();
        var error = form.ErrorSummary.GetByRole(AriaRole.Link, new() { Name = "Perioden kan inte sluta innan den börjar." });
        await Expect(error).ToHaveAttributeAsync("href", "#Input_FromYear");
        await Expect(form.Municipality).ToHaveValueAsync(TestData.MunicipalityCode);
        await Expect(form.Title).ToHaveValueAsync(title);
        await Expect(form.FromYear).ToHaveValueAsync("2030");
        await Expect(form.ToYear).ToHaveValueAsync("2027");
        await Expect(form.Reference).ToHaveValueAsync("RD 2026/0311");
        await page.AssertAccessibleAsync();

        await form.ToYear.FillAsync("2033");
        await form.CreateButton.ClickAsync();
        var editor = new AgreementEditorPage(page);
        await Expect(editor.Heading).ToBeVisibleAsync();
        await Expect(editor.PeriodFrom).ToHaveValueAsync("2030-01-01");

        // In the editor: text written in a new item must survive the failed save.
        await editor.AddItemButton(1).ClickAsync();
        await editor.ItemText(1, 1).FillAsync("Regionen och kommunen har arbetat tillsammans med läsfrämjande sedan länge.");
        await editor.PeriodTo.FillAsync("2029-12-31");
        await editor.SaveButton.ClickAsync();

        await Expect(editor.ErrorSummary).ToBeFocusedAsync();
        var periodError = editor.ErrorSummary.GetByRole(AriaRole.Link, new() { Name = "Perioden kan inte sluta innan den börjar." });
        await Expect(periodError).ToHaveAttributeAsync("href", "#Input_Period");
        await Expect(editor.ItemText(1, 1)).ToHaveValueAsync("Regionen och kommunen har arbetat tillsammans med läsfrämjande sedan länge.");
        await Expect(editor.PeriodFrom).ToHaveValueAsync("2030-01-01");
        await Expect(editor.PeriodTo).ToHaveValueAsync("2029-12-31");
        await Expect(editor.Period).ToContainTextAsync("Perioden kan inte sluta innan den börjar.");
        await page.AssertAccessibleAsync();

        // The summary's link leads a keyboard user to the period, and Tab continues in its first field.
        await page.Keyboard.PressAsync("Tab");
        await Expect(periodError).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(editor.Period).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(editor.PeriodFrom).ToBeFocusedAsync();
    }

    [Fact]
    public async Task StaleSave_FromASecondSession_ShowsTheConflict_KeepsTheText_AndCanSaveOnTop()
    {
        var title = $"Överenskommelse som två redigerar {Tag()}";
        await using var region = await app.SignedInAsync(app.Data.RegionOfficer);
        var id = await new AgreementApi(region.Page).CreateAsync(title, "Kommunen och regionen ses två gånger per år.");
        await using var municipality = await app.SignedInAsync(app.Data.MunicipalityOfficer);

        // Both open version 1.
        var first = await new AgreementEditorPage(region.Page).GotoAsync(id);
        var second = await new AgreementEditorPage(municipality.Page).GotoAsync(id);
        await Expect(second.ItemText(1, 1)).ToHaveValueAsync("Kommunen och regionen ses två gånger per år.");
        await municipality.Page.AssertAccessibleAsync();

        await first.ItemText(1, 1).FillAsync("Kommunen och regionen ses tre gånger per år.");
        await first.SaveButton.ClickAsync();
        await Expect(new AgreementDetailPage(region.Page).Notice).ToContainTextAsync("Version 2 är sparad.");

        const string mine = "Kommunen och regionen ses varje kvartal och skriver minnesanteckningar.";
        await second.ItemText(1, 1).FillAsync(mine);
        await second.Note.FillAsync("Tätare möten");
        await second.SaveButton.ClickAsync();

        await Expect(second.Stale).ToBeVisibleAsync();
        await Expect(second.ErrorSummary).ToBeFocusedAsync();
        await Expect(second.Stale).ToContainTextAsync("Version 2 finns nu; du utgick från version 1.");
        await Expect(second.Stale).ToContainTextAsync("Din text nedan är inte sparad, men den finns kvar i formuläret.");
        await Expect(second.Stale.Locator("ins").Filter(new() { HasTextRegex = new Regex("^tre$") })).ToHaveCountAsync(1);
        await Expect(second.Stale.Locator("del").Filter(new() { HasTextRegex = new Regex("^två$") })).ToHaveCountAsync(1);
        await Expect(second.ItemText(1, 1)).ToHaveValueAsync(mine);
        await Expect(second.Note).ToHaveValueAsync("Tätare möten");
        await municipality.Page.AssertAccessibleAsync();

        await second.SaveMineOnTopButton.ClickAsync();

        var detail = new AgreementDetailPage(municipality.Page);
        await Expect(detail.Notice).ToContainTextAsync("Version 3 är sparad.");
        await Expect(municipality.Page.GetByRole(AriaRole.Main)).ToContainTextAsync(mine);
        await Expect(detail.State).ToContainTextAsync(new Regex(@"Version 3\b"));
        await municipality.Page.AssertAccessibleAsync();
    }
}

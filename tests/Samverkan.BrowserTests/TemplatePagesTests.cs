using System.Text.RegularExpressions;
using Samverkan.Agreements;
using Samverkan.BrowserTests.PageObjects;
using Samverkan.BrowserTests.Support;

namespace Samverkan.BrowserTests;

/// <summary>The region's agreement templates in the browser: written by keyboard, drafted for every municipality, departed from.</summary>
[Collection(AgreementCollection.Name)]
public sealed class TemplatePagesTests(BrowserFixture app)
{
    [Fact]
    public async Task RegionOfficer_CreatesAndEditsATemplate_WithTheKeyboardOnly()
    {
        await using var session = await app.SignedInAsync(app.Data.RegionOfficer, "/overenskommelser");
        var page = session.Page;
        await Activate(page, page.GetByRole(AriaRole.Link, new() { Name = "Mallar för överenskommelser" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mallar för överenskommelser", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // The first step: no plan, the years typed and Tab between them, Enter sends.
        await Activate(page, page.GetByRole(AriaRole.Link, new() { Name = "Ny mall" }));
        var first = new NewTemplatePage(page);
        await Expect(first.FirstYear).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await first.Plan.SelectOptionAsync(new SelectOptionValue { Label = "Ingen plan" });
        await first.FirstYear.FocusAsync();
        await page.Keyboard.TypeAsync("2071");
        await page.Keyboard.PressAsync("Tab");
        await Expect(first.LastYear).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("2074");
        await page.Keyboard.PressAsync("Enter");

        // The editor: add a paragraph and a commitment with buttons pressed from the keyboard; the form is redrawn each time.
        var editor = new TemplateEditorPage(page);
        await Expect(editor.Heading).ToHaveTextAsync("Redigera mallen för 2071–2074");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mallen är skapad.");
        await page.AssertAccessibleAsync();
        await Activate(page, editor.AddItemButton(2));
        await Expect(editor.Status).ToContainTextAsync("Stycke 1 i avsnitt 2 är tillagt.");
        var text = editor.Item(2, 1).GetByLabel("Text", new() { Exact = true });
        await text.FocusAsync();
        await page.Keyboard.TypeAsync("Scenkonsten ska nå alla som bor i {kommun}.");
        await Activate(page, editor.AddCommitmentButton(2, 1));
        await Expect(editor.Status).ToContainTextAsync("Åtagande 1 i avsnitt 2, stycke 1 är tillagt.");
        await Expect(text).ToHaveValueAsync("Scenkonsten ska nå alla som bor i {kommun}.");
        var commitment = editor.Commitment(2, 1, 1);
        var municipality = commitment.GetByRole(AriaRole.Checkbox, new() { Name = "Kommunen" });
        await municipality.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(municipality).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(commitment.GetByLabel("Vad parten åtar sig")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("{kommun} tar emot minst två föreställningar om året.");
        await page.AssertAccessibleAsync();
        // Tab shows where focus is (the house outline), and Enter in a field saves: Save is the form's first button.
        await page.Keyboard.PressAsync("Tab");
        await Expect(commitment.GetByLabel("Indikator")).ToBeFocusedAsync();
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");

        var template = new TemplatePage(page);
        await Expect(template.Notice).ToContainTextAsync("Mallen är sparad som version 2.");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("{kommun} tar emot minst två föreställningar om året.");
        await page.AssertAccessibleAsync();

        // Editing again: a new title, saved with Enter from the title field.
        await Activate(page, template.EditLink);
        await Expect(editor.Title).ToHaveValueAsync(AgreementTemplates.DefaultTitle);
        await editor.Title.FocusAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" (kulturdialog)");
        await page.Keyboard.PressAsync("Enter");
        await Expect(template.Notice).ToContainTextAsync("Mallen är sparad som version 3.");
        await Expect(template.Heading).ToContainTextAsync("{från}–{till} (kulturdialog)");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task RegionOfficer_CreatesDraftsForAllMunicipalities_AndSeesWhereOneDepartsFromTheTemplate()
    {
        var templateId = await app.Data.CreateTemplateAsync(2079);
        await using var session = await app.SignedInAsync(app.Data.RegionOfficer, $"/overenskommelser/mallar/{templateId}");
        var page = session.Page;
        var template = new TemplatePage(page);
        await Expect(template.Heading).ToContainTextAsync("Mall för överenskommelser 2079–2082");
        await page.AssertAccessibleAsync();

        await Activate(page, template.CreateDraftsButton);
        await Expect(template.Notice).ToContainTextAsync("15 utkast är skapade.");
        // The result is where the page lands, so keyboard and screen reader users start there.
        await Expect(page).ToHaveURLAsync(new Regex("#resultat$"));
        await Expect(template.Result.GetByRole(AriaRole.Heading, new() { Name = "Skapade utkast (15)" })).ToBeVisibleAsync();
        await Expect(template.Result).ToContainTextAsync("Ingen kommun hoppades över.");
        await page.AssertAccessibleAsync();

        // One draft: as in the template at first; a reworded paragraph makes its section "changed".
        await Activate(page, template.CreatedDraft("Smedjebackens kommun"));
        var draft = new AgreementDeparturesPage(page);
        await Expect(draft.Panel).ToContainTextAsync("2 som i mallen, 0 ändrade, 0 tillagda och 0 borttagna");
        await Activate(page, draft.EditLink);
        var scene = page.GetByRole(AriaRole.Group, new() { Name = "Avsnitt 2, stycke 1", Exact = true }).GetByLabel("Text", new() { Exact = true });
        await scene.FillAsync("Scenkonsten och dansen ska nå hela länet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara som ny version" }).First.ClickAsync();

        await Expect(draft.Panel).ToContainTextAsync("1 som i mallen, 1 ändrat, 0 tillagda och 0 borttagna");
        await Expect(draft.Panel.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Scenkonst" })).ToContainTextAsync("ändrat");
        await Expect(draft.Panel.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Utgångspunkter" })).ToContainTextAsync("som i mallen");
        await page.AssertAccessibleAsync();
        await Activate(page, draft.NavLink);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Avvikelser från mallen", Level = 1 })).ToBeVisibleAsync();
        await Expect(draft.NavLink).ToHaveAttributeAsync("aria-current", "page");
        await Expect(draft.Section("Scenkonst (ändrat)").Locator("ins").Filter(new() { HasText = "och dansen" })).ToHaveCountAsync(1);
        await Expect(draft.Section("Utgångspunkter (som i mallen)")).ToContainTextAsync("Avsnittet är ordagrant som i mallen.");
        await page.AssertAccessibleAsync();

        // Back at the template, a second run makes nothing and names the municipalities it skipped.
        await Activate(page, page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = AgreementTemplates.DefaultTitle }));
        await Activate(page, template.CreateDraftsButton);
        await Expect(template.Notice).ToContainTextAsync("Inga nya utkast: alla 15 kommuner har redan ett utkast från mallen.");
        await Expect(template.Result.GetByRole(AriaRole.Heading, new() { Name = "Hoppade över (15)" })).ToBeVisibleAsync();
        await Expect(template.Result.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Smedjebackens kommun" })).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();
    }

    /// <summary>Follows a link or presses a button the way a keyboard user does: focus it, press Enter.</summary>
    private static async Task Activate(IPage page, ILocator target)
    {
        await target.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
    }
}

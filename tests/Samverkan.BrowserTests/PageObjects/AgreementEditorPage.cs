namespace Samverkan.BrowserTests.PageObjects;

/// <summary>
/// The structured editor at /overenskommelser/{id}/redigera. Parts are fieldsets named by their legend
/// ("Avsnitt 2", "Avsnitt 2, stycke 1", "Åtagande 1 i stycke 1"), the way a screen reader announces them.
/// </summary>
public sealed class AgreementEditorPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Redigera överenskommelsen", Level = 1 });
    private ILocator Facts => page.GetByRole(AriaRole.Group, new() { Name = "Uppgifter om överenskommelsen" });
    public ILocator Title => Facts.GetByLabel("Titel");
    public ILocator PeriodFrom => page.GetByLabel("Första dag");
    public ILocator PeriodTo => page.GetByLabel("Sista dag");
    public ILocator Period => page.GetByRole(AriaRole.Group, new() { Name = "Period" });
    public ILocator Note => page.GetByLabel("Vad har du ändrat?");

    /// <summary>The form has Save at the top and at the bottom; the top one is what Enter in a text field presses.</summary>
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Spara som ny version" }).First;

    public ILocator AddSectionButton => page.GetByRole(AriaRole.Button, new() { Name = "Lägg till avsnitt", Exact = true });
    public ILocator StatusMessage => page.GetByRole(AriaRole.Status);
    public ILocator ErrorSummary => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Formuläret behöver rättas" });
    public ILocator Stale => page.GetByRole(AriaRole.Region, new() { Name = "Någon annan har sparat under tiden" });
    public ILocator SaveMineOnTopButton => Stale.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Spara min text ovanpå version \\d+$") });

    public ILocator Section(int number) => page.GetByRole(AriaRole.Group, new() { Name = $"Avsnitt {number}", Exact = true });
    public ILocator SectionHeading(int number) => page.GetByLabel($"Rubrik för avsnitt {number}");
    public ILocator Item(int section, int item) => page.GetByRole(AriaRole.Group, new() { Name = $"Avsnitt {section}, stycke {item}", Exact = true });
    public ILocator Commitment(int section, int item, int commitment) =>
        Item(section, item).GetByRole(AriaRole.Group, new() { Name = $"Åtagande {commitment} i stycke {item}", Exact = true });

    public ILocator AddItemButton(int section) => page.GetByRole(AriaRole.Button, new() { Name = $"Lägg till stycke i avsnitt {section}", Exact = true });
    public ILocator AddCommitmentButton(int section, int item) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Lägg till åtagande i avsnitt {section}, stycke {item}", Exact = true });

    public ILocator ItemText(int section, int item) => Item(section, item).GetByLabel("Text", new() { Exact = true });

    /// <summary>True when the element has focus; for asserting where a command left the keyboard user.</summary>
    public static Task<bool> HasFocusAsync(ILocator locator) => locator.EvaluateAsync<bool>("e => e === document.activeElement");

    public async Task<AgreementEditorPage> GotoAsync(Guid id)
    {
        await page.GotoAsync($"/overenskommelser/{id}/redigera");
        await Expect(Heading).ToBeVisibleAsync();
        return this;
    }
}

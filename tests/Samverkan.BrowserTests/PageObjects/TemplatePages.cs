namespace Samverkan.BrowserTests.PageObjects;

/// <summary>The first step of a new template at /overenskommelser/mallar/ny: plan, title and period.</summary>
public sealed class NewTemplatePage(IPage page)
{
    public ILocator Plan => page.GetByLabel("Regional kulturplan");
    public ILocator Title => page.GetByLabel("Titel");
    public ILocator FirstYear => page.GetByLabel("Första år");
    public ILocator LastYear => page.GetByLabel("Sista år");
    public ILocator CreateButton => page.GetByRole(AriaRole.Button, new() { Name = "Skapa mallen" });
}

/// <summary>
/// The template editor at /overenskommelser/mallar/{id}/redigera: the agreement editor's fields, found as a screen
/// reader user finds them, by the group (fieldset legend) they sit in and their label.
/// </summary>
public sealed class TemplateEditorPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    /// <summary>The template's title; the case officer's "Titel" is another field, in another group.</summary>
    public ILocator Title => page.GetByRole(AriaRole.Group, new() { Name = "Uppgifter om mallen" }).GetByRole(AriaRole.Textbox, new() { Name = "Titel", Exact = true });
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Spara mallen" }).First;
    public ILocator Status => page.GetByRole(AriaRole.Status);

    public ILocator Section(int number) => page.GetByRole(AriaRole.Group, new() { Name = $"Avsnitt {number}", Exact = true });
    public ILocator Item(int section, int item) => page.GetByRole(AriaRole.Group, new() { Name = $"Avsnitt {section}, stycke {item}", Exact = true });
    public ILocator Commitment(int section, int item, int number) =>
        Item(section, item).GetByRole(AriaRole.Group, new() { Name = $"Åtagande {number} i stycke {item}", Exact = true });

    public ILocator AddItemButton(int section) => page.GetByRole(AriaRole.Button, new() { Name = $"Lägg till stycke i avsnitt {section}", Exact = true });
    public ILocator AddCommitmentButton(int section, int item) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Lägg till åtagande i avsnitt {section}, stycke {item}", Exact = true });
}

/// <summary>A template at /overenskommelser/mallar/{id}: its facts and text, and the drafts-for-all action and its result.</summary>
public sealed class TemplatePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator EditLink => page.GetByRole(AriaRole.Link, new() { Name = "Redigera mallen" });
    public ILocator CreateDraftsButton => page.GetByRole(AriaRole.Button, new() { Name = "Skapa utkast för alla kommuner" });
    public ILocator Result => page.GetByRole(AriaRole.Region, new() { Name = "Resultat: utkast för alla kommuner" });
    public ILocator Notice => page.GetByRole(AriaRole.Status);

    public ILocator CreatedDraft(string municipality) => Result.GetByRole(AriaRole.Link, new() { Name = municipality, Exact = true });
}

/// <summary>An agreement drafted from a template: the departures panel on its page and the departures page in its nav.</summary>
public sealed class AgreementDeparturesPage(IPage page)
{
    public ILocator Panel => page.GetByRole(AriaRole.Region, new() { Name = "Jämfört med mallen" });
    public ILocator NavLink => page.GetByRole(AriaRole.Navigation, new() { Name = "Överenskommelsens sidor" })
        .GetByRole(AriaRole.Link, new() { Name = "Avvikelser från mallen" });
    public ILocator EditLink => page.GetByRole(AriaRole.Link, new() { Name = "Redigera", Exact = true });

    public ILocator Section(string heading) => page.GetByRole(AriaRole.Region, new() { Name = heading });
}

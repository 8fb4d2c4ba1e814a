namespace Samverkan.BrowserTests.PageObjects;

/// <summary>The minutes form of a dialogue meeting, found by its labels as people find it.</summary>
public sealed class DialogueFormPage(IPage page)
{
    public ILocator Date => page.GetByLabel("Datum", new() { Exact = true });
    public ILocator Place => page.GetByLabel("Plats", new() { Exact = true });
    public ILocator AgendaTitle(int number) => page.GetByLabel($"Rubrik för punkt {number}", new() { Exact = true });
    public ILocator AgendaNotes(int number) => page.GetByLabel($"Anteckningar till punkt {number}", new() { Exact = true });
    public ILocator DecisionText(int number) => page.GetByLabel($"Vad beslutades (beslut {number})", new() { Exact = true });
    public ILocator GoalsOf(int decision) => page.Locator("summary").Filter(new() { HasText = $"Mål i kulturplanen som beslut {decision} gäller" });
    public ILocator SaveButtons => page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" });
    public ILocator ErrorSummary => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Formuläret behöver rättas" });
}

namespace Samverkan.BrowserTests.PageObjects;

/// <summary>The form that starts a municipal agreement, /overenskommelser/ny.</summary>
public sealed class AgreementCreatePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Ny överenskommelse med en kommun", Level = 1 });
    public ILocator Municipality => page.GetByLabel("Kommun", new() { Exact = true });
    public ILocator Plan => page.GetByLabel("Regional kulturplan");
    public ILocator Title => page.GetByLabel("Titel");
    public ILocator FromYear => page.GetByLabel("Första år");
    public ILocator ToYear => page.GetByLabel("Sista år");
    public ILocator Reference => page.GetByLabel("Diarienummer");
    public ILocator CreateButton => page.GetByRole(AriaRole.Button, new() { Name = "Skapa utkast" });
    public ILocator ErrorSummary => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Formuläret behöver rättas" });
}

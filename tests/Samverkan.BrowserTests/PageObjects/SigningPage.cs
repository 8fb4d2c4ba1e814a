namespace Samverkan.BrowserTests.PageObjects;

/// <summary>The signing form at /overenskommelser/{id}/underskrift (electronic, or recording a paper signature).</summary>
public sealed class SigningPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Skriv under överenskommelsen", Level = 1 });
    public ILocator Electronic => page.GetByLabel("Jag skriver under elektroniskt");
    public ILocator Paper => page.GetByLabel("Registrera underskrift gjord på papper");
    public ILocator Name => page.GetByLabel("Namn");
    public ILocator Role => page.GetByLabel("Roll");
    public ILocator Place => page.GetByLabel("Ort");
    public ILocator Date => page.GetByLabel("Datum");
    public ILocator Confirm => page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Jag har läst version \\d+") });
    public ILocator SignButton => page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Skriv under version \\d+$") });
    public ILocator Hash => page.GetByRole(AriaRole.Region, new() { Name = "Det här skrivs under" }).Locator("code.hash");
    public ILocator ErrorSummary => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Formuläret behöver rättas" });
}

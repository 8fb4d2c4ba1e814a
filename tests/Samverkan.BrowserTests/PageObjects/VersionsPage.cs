namespace Samverkan.BrowserTests.PageObjects;

/// <summary>The version list (/versioner) and the word diff between two versions (/jamfor).</summary>
public sealed class VersionsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Versioner", Level = 1 });
    public ILocator Table => page.GetByRole(AriaRole.Table, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Versioner") });
    public ILocator From => page.GetByLabel("Från version");
    public ILocator To => page.GetByLabel("Till version");
    public ILocator CompareButton => page.GetByRole(AriaRole.Button, new() { Name = "Jämför", Exact = true });

    public ILocator CompareHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Jämför versioner", Level = 1 });
    public ILocator Summary => page.Locator(".diff-summary");
    public ILocator DiffText => page.Locator(".diff-text");
    public ILocator Inserted => DiffText.Locator("ins");
    public ILocator Deleted => DiffText.Locator("del");

    public ILocator VersionRow(int number) =>
        Table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = $"Version {number}", Exact = true }) });
}

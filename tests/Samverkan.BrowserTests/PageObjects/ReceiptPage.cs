namespace Samverkan.BrowserTests.PageObjects;

/// <summary>The signing receipt at /overenskommelser/{id}/kvitto: the hash check and the timeline.</summary>
public sealed class ReceiptPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Kvitto på godkännanden och underskrifter", Level = 1 });
    public ILocator Check => page.GetByRole(AriaRole.Region, new() { Name = "Kontroll av den undertecknade texten" });
    public ILocator Timeline => page.GetByRole(AriaRole.Table, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Tidslinje") });

    /// <summary>The timeline rows of one kind ("Underskrift" or "Godkännande"), each headed by that word.</summary>
    public ILocator Rows(string kind) => Timeline.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = kind, Exact = true }) });
}

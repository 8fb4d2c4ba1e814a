namespace Samverkan.BrowserTests.PageObjects;

/// <summary>The import flow at /overenskommelser/importera: upload, then the review screen, then confirm.</summary>
public sealed class ImportPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Läs in en befintlig överenskommelse", Level = 1 });
    public ILocator File => page.GetByLabel("Fil att läsa in");
    public ILocator PreviewButton => page.GetByRole(AriaRole.Button, new() { Name = "Läs in och granska" });

    public ILocator Warnings => page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Att kontrollera") });
    public ILocator Found => page.GetByRole(AriaRole.Region, new() { Name = "Det här hittades" });
    public ILocator Fields => page.GetByRole(AriaRole.Table, new() { Name = "Utlästa fält med länk till stället i källtexten" });
    public ILocator Source => page.GetByRole(AriaRole.Region, new() { Name = "Källtext", Exact = true });
    public ILocator ConfirmButton => page.GetByRole(AriaRole.Button, new() { Name = "Skapa utkast av detta" });

    /// <summary>The row of a field, e.g. "Titel" or "Avsnitt 2", by its row header.</summary>
    public ILocator Field(string label) =>
        Fields.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = label, Exact = true }) });

    public ILocator SourceLink(string label) => page.GetByRole(AriaRole.Link, new() { Name = $"Visa källan för {label}", Exact = true });

    public async Task<ImportPage> GotoAsync()
    {
        await page.GotoAsync("/overenskommelser/importera");
        await Expect(Heading).ToBeVisibleAsync();
        return this;
    }
}

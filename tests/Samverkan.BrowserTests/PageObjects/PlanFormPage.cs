namespace Samverkan.BrowserTests.PageObjects;

/// <summary>The plan form at /planer/ny and /planer/{id}/redigera.</summary>
public sealed class PlanFormPage(IPage page)
{
    public ILocator Title => page.GetByLabel("Titel");
    public ILocator FirstYear => page.GetByLabel("Första år");
    public ILocator LastYear => page.GetByLabel("Sista år");
    public ILocator Reference => page.GetByLabel("Diarienummer");
    public ILocator Status => page.GetByLabel("Status");
    public ILocator Summary => page.GetByLabel("Sammanfattning");
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true });
    public ILocator ErrorSummary => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Formuläret behöver rättas" });

    public async Task<PlanFormPage> GotoNewAsync()
    {
        await page.GotoAsync("/planer/ny");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ny kulturplan", Level = 1 })).ToBeVisibleAsync();
        return this;
    }

    public async Task FillAsync(string title, int firstYear, int lastYear, string? reference = null, string? summary = null)
    {
        await Title.FillAsync(title);
        await FirstYear.FillAsync(firstYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await LastYear.FillAsync(lastYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (reference is not null) await Reference.FillAsync(reference);
        if (summary is not null) await Summary.FillAsync(summary);
    }
}

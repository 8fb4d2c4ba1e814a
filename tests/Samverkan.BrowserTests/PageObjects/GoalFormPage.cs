namespace Samverkan.BrowserTests.PageObjects;

/// <summary>The goal form at /planer/{id}/mal/nytt and /planer/{id}/mal/{goalId}/redigera.</summary>
public sealed class GoalFormPage(IPage page)
{
    public ILocator Title => page.GetByLabel("Mål", new() { Exact = true });
    public ILocator Description => page.GetByLabel("Beskrivning");
    public ILocator DevelopmentArea => page.GetByLabel("Utvecklingsområde");
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Spara målet" });

    /// <summary>One indicator row: a fieldset whose legend is "Indikator n".</summary>
    public ILocator Indicator(int number) => page.GetByRole(AriaRole.Group, new() { Name = $"Indikator {number}", Exact = true });

    public async Task FillIndicatorAsync(int number, string name, string unit, string baseline, int baselineYear, string target, int targetYear)
    {
        var row = Indicator(number);
        await row.GetByLabel("Namn").FillAsync(name);
        await row.GetByLabel("Enhet").FillAsync(unit);
        await row.GetByLabel("Utgångsvärde").FillAsync(baseline);
        await row.GetByLabel("Utgångsår").FillAsync(baselineYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await row.GetByLabel("Målvärde").FillAsync(target);
        await row.GetByLabel("Målår").FillAsync(targetYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

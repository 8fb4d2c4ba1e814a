namespace Samverkan.BrowserTests.PageObjects;

/// <summary>A municipality at /kommuner/{code} and its goal form.</summary>
public sealed class MunicipalityPage(IPage page)
{
    public ILocator Goals => page.GetByRole(AriaRole.Region, new() { Name = "Kommunens egna kulturmål" });
    public ILocator NewGoalLink => Goals.GetByRole(AriaRole.Link, new() { Name = "Nytt mål" });

    public ILocator GoalFirstYear => page.GetByLabel("Första år");
    public ILocator GoalLastYear => page.GetByLabel("Sista år");
    public ILocator GoalNumber => page.GetByLabel("Nummer");
    public ILocator GoalText => page.GetByLabel("Målet");
    public ILocator SaveGoalButton => page.GetByRole(AriaRole.Button, new() { Name = "Spara målet" });

    public async Task<MunicipalityPage> GotoAsync(string code)
    {
        await page.GotoAsync($"/kommuner/{code}");
        return this;
    }
}

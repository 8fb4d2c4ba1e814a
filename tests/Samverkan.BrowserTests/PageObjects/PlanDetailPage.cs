namespace Samverkan.BrowserTests.PageObjects;

/// <summary>A plan at /planer/{id}: facts, the edit buttons and the goal tree.</summary>
public sealed class PlanDetailPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator NewGoalLink => page.GetByRole(AriaRole.Link, new() { Name = "Nytt mål" });
    public ILocator HistoryLink => page.GetByRole(AriaRole.Link, new() { Name = "Ändringshistorik för planen" });
    public ILocator GoalTree => page.GetByRole(AriaRole.Region, new() { Name = "Utvecklingsområden och mål" });

    public ILocator EditGoalLink(string goalTitle) => page.GetByRole(AriaRole.Link, new() { Name = $"Redigera målet {goalTitle}" });

    /// <summary>The goal's list item in the tree, found by its title.</summary>
    public ILocator Goal(string goalTitle) => GoalTree.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByText(goalTitle, new() { Exact = true }) });

    public Guid PlanId => Guid.Parse(new Uri(page.Url).Segments.Last().TrimEnd('/'));

    public async Task<PlanDetailPage> GotoAsync(Guid id)
    {
        await page.GotoAsync($"/planer/{id}");
        return this;
    }
}

using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Samverkan.BrowserTests.Support;

/// <summary>What every page must pass: the layout's landmarks, one h1, and no axe violations.</summary>
public static class PageChecks
{
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        foreach (var landmark in new[] { AriaRole.Banner, AriaRole.Main, AriaRole.Contentinfo })
            await Expect(page.GetByRole(landmark)).ToHaveCountAsync(1);
        // A page may add a navigation of its own (an agreement's sub-pages); axe checks that each has a unique name.
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny", Exact = true })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        await page.AssertNoAxeViolationsAsync();
    }

    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        // Only violations are read; asking for passes too makes axe serialize every checked node.
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        Assert.True(result.Violations.Length == 0, Describe(page.Url, result.Violations));
    }

    /// <summary>Rule, impact, help and the offending elements, so a failure says what to fix where.</summary>
    private static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"axe found violations on {url}:");
        foreach (var v in violations)
        {
            text.Append($"\n- {v.Id} ({v.Impact}): {v.Help} <{v.HelpUrl}>");
            foreach (var node in v.Nodes)
                text.Append($"\n    {node.Target}: {node.Html}");
        }
        return text.ToString();
    }
}

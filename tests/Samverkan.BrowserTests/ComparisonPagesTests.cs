using Samverkan.BrowserTests.PageObjects;
using Samverkan.BrowserTests.Support;

namespace Samverkan.BrowserTests;

/// <summary>The comparison of the municipalities' agreements in the browser: the matrix, the goal filter, the list and the CSV.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComparisonPagesTests(BrowserFixture app)
{
    [Fact]
    public async Task Comparison_FilteredByAGoal_ShowsWhoCommittedToIt_AsTableListAndCsv()
    {
        var planTitle = "Kulturplan för jämförelsen i webbtesterna";
        var planId = await app.Data.CreateAdoptedPlanAsync(planTitle, 2075, "Scenkonst i varje kommun", "Film för barn på landsbygden");
        var goals = await app.Data.GoalsAsync(planId);
        var (stage, film) = (goals.Single(g => g.Title == "Scenkonst i varje kommun").Id, goals.Single(g => g.Title == "Film för barn på landsbygden").Id);
        var drafts = await app.Data.CreateDraftsAsync(await app.Data.CreateTemplateAsync(2075, planId, stage), 2076);
        await app.Data.AddLocalSectionAsync(drafts["2062"], "Film", "Mora kommun visar film för barn i tre byar varje år.", film);

        await using var session = await app.SignedInAsync(app.Data.RegionOfficer, "/overenskommelser");
        var page = session.Page;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Jämför kommuner" }).ClickAsync();
        var comparison = new ComparisonPage(page);
        await Expect(comparison.Heading).ToHaveTextAsync("Jämför kommunernas överenskommelser");
        await page.AssertAccessibleAsync();

        // The year under its plan, by goal, then "who committed to the film goal?".
        await comparison.Year.SelectOptionAsync("2076");
        await Expect(comparison.ByGoal).ToBeCheckedAsync();
        await comparison.ShowButton.ClickAsync();
        await Expect(comparison.ResultHeading).ToHaveTextAsync("Åtaganden per mål 2076");
        await Expect(comparison.ColumnHeaders).ToHaveTextAsync(["Kommun", "Scenkonst i varje kommun", "Film för barn på landsbygden"]);
        await Expect(comparison.RowHeaders).ToHaveCountAsync(15);
        await Expect(comparison.Row("Avesta kommun").GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("Inget åtagande");
        await page.AssertAccessibleAsync();

        await comparison.GoalFilter.SelectOptionAsync(new SelectOptionValue { Label = "Film för barn på landsbygden" });
        await comparison.GoalFilter.FocusAsync();
        // From the goal list, Tab passes the view choice (one stop for the radio group) to the button.
        await page.TabToAsync(comparison.ShowButton, maxPresses: 2);
        await page.Keyboard.PressAsync("Enter");

        await Expect(comparison.ResultHeading).ToHaveTextAsync("Vem har åtagit sig målet ”Film för barn på landsbygden”?");
        await Expect(page.GetByText("1 kommun har åtagit sig målet: Mora kommun.")).ToBeVisibleAsync();
        await Expect(comparison.RowHeaders).ToHaveCountAsync(1);
        await Expect(comparison.Row("Mora kommun").GetByRole(AriaRole.Cell)).ToHaveTextAsync("Kommunen Mora kommun visar film för barn i tre byar varje år.");
        await Expect(comparison.MatrixRegion).ToHaveAttributeAsync("tabindex", "0");
        await page.AssertAccessibleAsync();

        // The CSV of the same choice, as Excel wants it.
        var csv = await page.Context.APIRequest.GetAsync(await comparison.CsvLink.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"]);
        var lines = (await csv.TextAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("\"Kommun\";\"Kommunkod\";\"Status\";\"Version\";\"Film för barn på landsbygden\"", lines[0]);
        Assert.Equal("\"Mora kommun\";\"2062\";\"Utkast\";\"2\";\"Kommunen: Mora kommun visar film för barn i tre byar varje år.\"", lines[1]);

        // The same read per municipality, for those who would rather not walk a table.
        await comparison.ListLink.ClickAsync();
        var mora = comparison.Municipality("Mora kommun");
        await Expect(mora.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("Mora kommun");
        await Expect(mora.GetByRole(AriaRole.Term)).ToHaveTextAsync("Film för barn på landsbygden");
        await Expect(mora.GetByRole(AriaRole.Definition)).ToContainTextAsync("Mora kommun visar film för barn i tre byar varje år.");
        await Expect(comparison.Matrix).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        // Back to every goal: all fifteen again, Smedjebacken with its stage commitment.
        await comparison.AllGoalsLink.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveCountAsync(15);
        await Expect(comparison.Municipality("Smedjebackens kommun")).ToContainTextAsync("Smedjebackens kommun håller en scen öppen för turnéerna.");
        await page.AssertAccessibleAsync();
    }
}

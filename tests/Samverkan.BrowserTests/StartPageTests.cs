using System.Text.RegularExpressions;
using Samverkan.BrowserTests.Support;

namespace Samverkan.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class StartPageTests(BrowserFixture app)
{
    [Fact]
    public async Task StartPage_ShowsRegionCurrentPlanAndMunicipalitiesInSwedishOrder()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        await page.GotoAsync("/");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Region Dalarna", Level = 1 })).ToBeVisibleAsync();
        var plan = page.GetByRole(AriaRole.Region, new() { Name = "Gällande kulturplan" });
        await Expect(plan.GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", new Regex("^/planer/[0-9a-f-]{36}$"));
        await Expect(plan).ToContainTextAsync(new Regex(@"Period\s*\d{4}–\d{4}"));

        var municipalities = page.GetByRole(AriaRole.Table, new() { Name = "Kommuner med folkmängd" });
        var rows = municipalities.Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(15);
        // Thousands grouped with a (no-break) space as Swedish writes them, not "10823" or "10,823".
        await Expect(rows.Filter(new() { HasText = "Smedjebacken" })).ToContainTextAsync(new Regex(@"2061\s*10\s823"));
        await Expect(rows.First).ToContainTextAsync("Avesta");
        // Swedish collation puts Ä after Z, so Älvdalen ends the list (ordinal or English order would not).
        await Expect(rows.Last).ToContainTextAsync("Älvdalen");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task StartPage_FirstTabFocusesSkipLink_AndEnterMovesFocusToMain()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Hoppa till innehållet" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task NotFoundPage_HasLandmarksOneH1AndNoAxeViolations()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        var response = await page.GotoAsync("/finns-inte");

        Assert.Equal(404, response!.Status);
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("/finns-inte")]
    [InlineData("/planer/00000000-0000-0000-0000-000000000001")]
    [InlineData("/organisationer/finns-inte")]
    [InlineData("/kommuner/9999")]
    public async Task MissingPage_AnswersWithTheSwedish404Page(string path)
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        var response = await page.GotoAsync(path);

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sidan finns inte", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Till startsidan" })).ToBeVisibleAsync();
    }
}

using Samverkan.BrowserTests.PageObjects;
using Samverkan.BrowserTests.Support;

namespace Samverkan.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class MunicipalityOfficerTests(BrowserFixture app)
{
    [Fact]
    public async Task MunicipalityOfficer_AddsOwnGoal_ButIsDeniedEditingTheRegionsPlan()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInPage.SignInAsync(page, app.Data.MunicipalityOfficer, "/kommuner/2061");

        var municipality = new MunicipalityPage(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Smedjebackens kommun", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await municipality.NewGoalLink.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nytt mål för kommunen", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await municipality.GoalFirstYear.FillAsync("2027");
        await municipality.GoalLastYear.FillAsync("2030");
        await municipality.GoalNumber.FillAsync("8");
        await municipality.GoalText.FillAsync("Alla barn i Smedjebacken ska få prova på en kulturskoleaktivitet.");
        await municipality.SaveGoalButton.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(app.BaseUrl, "/kommuner/2061").ToString());
        await Expect(municipality.Goals.GetByRole(AriaRole.Heading, new() { Name = "Mål för 2027–2030" })).ToBeVisibleAsync();
        var goal = municipality.Goals.GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = "Alla barn i Smedjebacken ska få prova på en kulturskoleaktivitet." });
        await Expect(goal.GetByRole(AriaRole.Link, new() { Name = "Redigera mål 8" })).ToBeVisibleAsync();

        var denied = await page.GotoAsync($"/planer/{app.Data.DalarnaPlanId}/redigera");

        Assert.Equal(403, denied!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Åtkomst nekad", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }
}

using Samverkan.BrowserTests.Support;

namespace Samverkan.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class OrganizationTests(BrowserFixture app)
{
    [Fact]
    public async Task OrganizationList_LeadsToTheInstitutionsPage()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        await page.GotoAsync("/organisationer");
        await Expect(page.GetByLabel("Typ")).ToHaveValueAsync("institution");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Provscenen Dalarna", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = app.Data.InstitutionName, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Regional kulturinstitution", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Falun" })).ToHaveAttributeAsync("href", "/kommuner/2080");
        var contacts = page.GetByRole(AriaRole.Region, new() { Name = "Kontaktpersoner" });
        await Expect(contacts).ToContainTextAsync("Tove Teaterchef, Teaterchef");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task OrganizationList_FiltersByKind()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.GotoAsync("/organisationer");

        await page.GetByLabel("Typ").SelectOptionAsync(new SelectOptionValue { Label = "Kommuner" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();

        var table = page.GetByRole(AriaRole.Table, new() { Name = "15 organisationer" });
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "Smedjebacken" })).ToHaveAttributeAsync("href", "/kommuner/2061");
    }
}

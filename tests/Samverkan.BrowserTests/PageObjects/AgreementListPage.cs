namespace Samverkan.BrowserTests.PageObjects;

/// <summary>The agreements list at /overenskommelser and the public one at /offentligt/overenskommelser.</summary>
public sealed class AgreementListPage(IPage page)
{
    public ILocator NewAgreementLink => page.GetByRole(AriaRole.Link, new() { Name = "Ny överenskommelse" });
    public ILocator ImportLink => page.GetByRole(AriaRole.Link, new() { Name = "Läs in befintligt avtal" });
    public ILocator Table => page.GetByRole(AriaRole.Table);

    public ILocator Row(string title) => Table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    public async Task<AgreementListPage> GotoAsync()
    {
        await page.GotoAsync("/overenskommelser");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Överenskommelser", Level = 1 })).ToBeVisibleAsync();
        return this;
    }

    public async Task<AgreementListPage> GotoPublicAsync()
    {
        await page.GotoAsync("/offentligt/overenskommelser");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Undertecknade överenskommelser", Level = 1 })).ToBeVisibleAsync();
        return this;
    }
}

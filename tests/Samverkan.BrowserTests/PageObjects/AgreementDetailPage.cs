namespace Samverkan.BrowserTests.PageObjects;

/// <summary>An agreement at /overenskommelser/{id}: its status, the actions the signed-in party may take, and the text.</summary>
public sealed class AgreementDetailPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator State => page.Locator(".agreement-state");
    public ILocator Notice => page.GetByRole(AriaRole.Status);
    public ILocator Actions => page.GetByRole(AriaRole.Region, new() { Name = "Läge och åtgärder" });
    public ILocator EditLink => page.GetByRole(AriaRole.Link, new() { Name = "Redigera", Exact = true });
    public ILocator SendToNegotiationButton => page.GetByRole(AriaRole.Button, new() { Name = "Skicka till förhandling" });
    public ILocator SignLink => page.GetByRole(AriaRole.Link, new() { Name = "Skriv under", Exact = true });
    public ILocator PaperSignatureLink => page.GetByRole(AriaRole.Link, new() { Name = "Registrera pappersunderskrift" });
    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Överenskommelsens sidor" });
    public ILocator NavLink(string name) => Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>A commitment card in the text, found by what it says.</summary>
    public ILocator Commitment(string text) => page.GetByRole(AriaRole.List, new() { Name = "Åtaganden" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = text });

    public async Task<AgreementDetailPage> GotoAsync(Guid id)
    {
        await page.GotoAsync($"/overenskommelser/{id}");
        await Expect(Navigation).ToBeVisibleAsync();
        return this;
    }

    public Guid AgreementId => Guid.Parse(new Uri(page.Url).Segments[2].TrimEnd('/'));
}

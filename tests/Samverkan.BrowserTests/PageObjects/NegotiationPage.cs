namespace Samverkan.BrowserTests.PageObjects;

/// <summary>The negotiation workspace at /overenskommelser/{id}/forhandling.</summary>
public sealed class NegotiationPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Förhandling", Level = 1 });
    public ILocator Notice => page.GetByRole(AriaRole.Status);
    public ILocator Counterpart => page.GetByRole(AriaRole.Complementary, new() { Name = "Motpartens öppna punkter" });
    public ILocator ReplySection => page.GetByRole(AriaRole.Region, new() { Name = "Kommentera eller föreslå ändring" });

    public ILocator CommentTarget => page.GetByLabel("Gäller");
    public ILocator CommentText => page.GetByLabel("Kommentar", new() { Exact = true });
    public ILocator SendCommentButton => page.GetByRole(AriaRole.Button, new() { Name = "Skicka kommentar" });
    public ILocator ProposalTarget => page.GetByLabel("Del som ska ändras");
    public ILocator ProposedText => page.GetByLabel("Ny lydelse");
    public ILocator Reason => page.GetByLabel("Skäl");
    public ILocator SendProposalButton => page.GetByRole(AriaRole.Button, new() { Name = "Skicka förslaget" });
    public ILocator ApproveButton => page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Godkänn version \\d+$") });

    /// <summary>The link beside a part of the text; <paramref name="label"/> is how the page names it, e.g. "Avsnitt 1, stycke 1: Kommunen …".</summary>
    public ILocator CommentOrProposeLink(string label) =>
        page.GetByRole(AriaRole.Link, new() { Name = $"Kommentera eller föreslå ändring av {label}", Exact = true });

    public ILocator AcceptButton(string label) => page.GetByRole(AriaRole.Button, new() { Name = $"Godta förslaget om {label}", Exact = true });

    /// <summary>The comments and proposals shown under a part, found by the part's anchor.</summary>
    public ILocator Part(string anchor) => page.Locator($"#{anchor}");

    public async Task<NegotiationPage> GotoAsync(Guid id)
    {
        await page.GotoAsync($"/overenskommelser/{id}/forhandling");
        await Expect(Heading).ToBeVisibleAsync();
        return this;
    }
}

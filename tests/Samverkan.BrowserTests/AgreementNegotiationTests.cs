using Samverkan.BrowserTests.PageObjects;
using Samverkan.BrowserTests.Support;
using static Samverkan.BrowserTests.Support.Sessions;

namespace Samverkan.BrowserTests;

/// <summary>Negotiating: the region and the municipality, each in their own browser, talk the text through to "agreed".</summary>
[Collection(AgreementCollection.Name)]
public sealed class AgreementNegotiationTests(BrowserFixture app)
{
    private const string ItemText = "Kommunen ordnar en bokcirkel på biblioteket.";
    private const string ItemLabel = "Avsnitt 1, stycke 1: " + ItemText;
    private const string ProposedText = "Kommunen ordnar två bokcirklar på biblioteket, en av dem för unga.";

    [Fact]
    public async Task Municipality_CommentsAndProposes_RegionAccepts_AndBothApprove_ToAgreed()
    {
        var title = $"Överenskommelse som förhandlas {Tag()}";
        await using var region = await app.SignedInAsync(app.Data.RegionOfficer);
        var id = await new AgreementApi(region.Page).CreateAsync(title, ItemText);

        // The region sends the draft to negotiation, by keyboard.
        var regionDetail = await new AgreementDetailPage(region.Page).GotoAsync(id);
        await Expect(regionDetail.State).ToContainTextAsync("Utkast");
        await region.Page.AssertAccessibleAsync();
        await region.Page.TabToAsync(regionDetail.SendToNegotiationButton);
        await region.Page.Keyboard.PressAsync("Enter");
        await Expect(regionDetail.Notice).ToContainTextAsync("Överenskommelsen är skickad till förhandling.");
        await Expect(regionDetail.State).ToContainTextAsync("Förhandling");

        // The municipality, in a browser of its own, comments on the item: the link beside it opens the form for it.
        await using var municipality = await app.SignedInAsync(app.Data.MunicipalityOfficer, $"/overenskommelser/{id}/forhandling");
        var m = municipality.Page;
        var talks = new NegotiationPage(m);
        await Expect(talks.Heading).ToBeVisibleAsync();
        await Expect(talks.Counterpart).ToContainTextAsync("Motparten har inga öppna förslag eller kommentarer.");
        await m.AssertAccessibleAsync();
        await m.TabToAsync(talks.CommentOrProposeLink(ItemLabel));
        await m.Keyboard.PressAsync("Enter");
        await Expect(talks.ReplySection).ToBeFocusedAsync();
        await Expect(talks.CommentTarget).ToHaveValueAsync("sections[0].items[0]");
        await Expect(talks.ProposalTarget).ToHaveValueAsync("sections[0].items[0]");
        await Expect(talks.ProposedText).ToHaveValueAsync(ItemText);
        await m.TabToAsync(talks.CommentText, maxPresses: 5);
        await m.Keyboard.TypeAsync("Vi vill gärna ha en cirkel för unga också.");
        await m.Keyboard.PressAsync("Tab");
        await Expect(talks.SendCommentButton).ToBeFocusedAsync();
        await m.Keyboard.PressAsync("Enter");

        await Expect(talks.Notice).ToContainTextAsync("Kommentaren är skickad.");
        var item = talks.Part("del-sections-0-items-0");
        await Expect(item).ToContainTextAsync("Vi vill gärna ha en cirkel för unga också.");
        await Expect(item).ToContainTextAsync($"Kommentar från {app.Data.MunicipalityOfficer.Name}, Smedjebackens kommun");

        // ... and proposes new wording for it.
        await talks.CommentOrProposeLink(ItemLabel).ClickAsync();
        await talks.ProposedText.FillAsync(ProposedText);
        await talks.Reason.FillAsync("Unga har bett om en egen cirkel.");
        await talks.SendProposalButton.ClickAsync();
        await Expect(talks.Notice).ToContainTextAsync("Förslaget är skickat.");
        await Expect(item).ToContainTextAsync("Väntar på svar");
        await Expect(item.Locator("ins")).ToHaveTextAsync(ProposedText);
        await m.AssertAccessibleAsync();

        // The region sees both among the counterpart's open points and accepts the proposal: a new version.
        var regionTalks = await new NegotiationPage(region.Page).GotoAsync(id);
        await Expect(regionTalks.Counterpart).ToContainTextAsync("Förslag som väntar på svar (1)");
        await Expect(regionTalks.Counterpart).ToContainTextAsync("Vi vill gärna ha en cirkel för unga också.");
        await region.Page.AssertAccessibleAsync();
        await region.Page.TabToAsync(regionTalks.AcceptButton(ItemLabel), maxPresses: 80);
        await region.Page.Keyboard.PressAsync("Enter");
        await Expect(regionTalks.Notice).ToContainTextAsync("Förslaget är godtaget och har blivit version 2.");
        await Expect(regionTalks.Part("del-sections-0-items-0").Locator("p").First).ToHaveTextAsync(ProposedText);
        await Expect(regionTalks.Part("del-sections-0-items-0")).ToContainTextAsync($"Godtaget av {app.Data.RegionOfficer.Name} (blev version 2)");

        await regionTalks.ApproveButton.ClickAsync();
        await Expect(regionTalks.Notice).ToContainTextAsync("Version 2 är godkänd för din part.");
        await Expect(regionTalks.Counterpart).ToContainTextAsync("Version 2 är godkänd av Region Dalarna.");
        await region.Page.AssertAccessibleAsync();

        // The municipality approves the same version: all parties agree.
        await talks.GotoAsync(id);
        await Expect(talks.ApproveButton).ToHaveTextAsync("Godkänn version 2");
        await talks.ApproveButton.ClickAsync();
        await Expect(talks.Notice).ToContainTextAsync("Version 2 är godkänd av alla parter och kan nu skrivas under.");

        var detail = await new AgreementDetailPage(m).GotoAsync(id);
        await Expect(detail.State).ToContainTextAsync("Överenskommen");
        await Expect(detail.State).ToContainTextAsync("Version 2");
        await Expect(detail.Actions).ToContainTextAsync("Alla parter har godkänt version 2. Den kan skrivas under.");
        await Expect(detail.SignLink).ToBeVisibleAsync();
        await m.AssertAccessibleAsync();
    }
}

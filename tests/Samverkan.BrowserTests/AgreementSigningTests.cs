using System.Text.RegularExpressions;
using Samverkan.BrowserTests.PageObjects;
using Samverkan.BrowserTests.Support;
using static Samverkan.BrowserTests.Support.Sessions;

namespace Samverkan.BrowserTests;

/// <summary>Signing: the region signs electronically, the municipality's paper signature is recorded, and the receipt proves both.</summary>
[Collection(AgreementCollection.Name)]
public sealed class AgreementSigningTests(BrowserFixture app)
{
    [Fact]
    public async Task BothPartiesSign_OneElectronicallyOneOnPaper_ReceiptShowsBothAndMatchingHash_AndVersionsShowTheEditedWords()
    {
        var title = $"Överenskommelse att skriva under {Tag()}";
        await using var region = await app.SignedInAsync(app.Data.RegionOfficer);
        await using var municipality = await app.SignedInAsync(app.Data.MunicipalityOfficer);
        var regionApi = new AgreementApi(region.Page);
        var id = await regionApi.CreateAsync(title, "Region och kommun ses två gånger per år för att följa upp arbetet.");
        var agreed = await regionApi.SaveAsync(id, title, "Region och kommun ses tre gånger per år för att följa upp arbetet.", baseVersion: 1);
        await regionApi.MoveToAsync(id, "negotiation");
        await regionApi.ApproveAsync(id, agreed);
        await new AgreementApi(municipality.Page).ApproveAsync(id, agreed);

        // The region signs electronically; the form starts from the signatory named in the text.
        var r = region.Page;
        var detail = await new AgreementDetailPage(r).GotoAsync(id);
        await Expect(detail.State).ToContainTextAsync("Överenskommen");
        await r.AssertAccessibleAsync();
        await r.TabToAsync(detail.SignLink, maxPresses: 40);
        await r.Keyboard.PressAsync("Enter");
        var sign = new SigningPage(r);
        await Expect(sign.Heading).ToBeVisibleAsync();
        await Expect(sign.Electronic).ToBeCheckedAsync();
        await Expect(sign.Name).ToHaveValueAsync("Rolf Regionsson");
        await Expect(sign.Hash).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        var signedHash = await sign.Hash.TextContentAsync();
        await r.AssertAccessibleAsync();
        await sign.Place.FillAsync("Falun");
        await r.TabToAsync(sign.Confirm, maxPresses: 10);
        await r.Keyboard.PressAsync("Space");
        await Expect(sign.Confirm).ToBeCheckedAsync();
        await r.Keyboard.PressAsync("Tab");
        await Expect(sign.SignButton).ToBeFocusedAsync();
        await r.Keyboard.PressAsync("Enter");
        await Expect(detail.Notice).ToContainTextAsync("Underskriften för Region Dalarna är registrerad.");
        await r.AssertAccessibleAsync();

        // The municipality records the chair's signature on paper; forgetting the confirmation keeps what was typed.
        var m = municipality.Page;
        var municipalDetail = await new AgreementDetailPage(m).GotoAsync(id);
        await Expect(municipalDetail.Actions).ToContainTextAsync("Underskriven av Region Dalarna; väntar på Smedjebackens kommun.");
        await municipalDetail.PaperSignatureLink.ClickAsync();
        var paper = new SigningPage(m);
        await Expect(paper.Paper).ToBeCheckedAsync();
        await Expect(paper.Name).ToHaveValueAsync("Stina Kommunsson");
        await paper.Place.FillAsync("Smedjebacken");
        await paper.Date.FillAsync("2026-12-12");
        await paper.SignButton.ClickAsync();
        await Expect(paper.ErrorSummary).ToBeFocusedAsync();
        await Expect(paper.ErrorSummary).ToContainTextAsync("Kryssa i att underskriften finns på papper.");
        await Expect(paper.Paper).ToBeCheckedAsync();
        await Expect(paper.Place).ToHaveValueAsync("Smedjebacken");
        await Expect(paper.Date).ToHaveValueAsync("2026-12-12");
        await m.AssertAccessibleAsync();
        await paper.Confirm.CheckAsync();
        await paper.SignButton.ClickAsync();
        await Expect(municipalDetail.Notice).ToContainTextAsync($"Alla parter har skrivit under version {agreed}.");
        await Expect(municipalDetail.State).ToContainTextAsync(new Regex("Undertecknad|Gällande"));
        await m.AssertAccessibleAsync();

        // The receipt: both signatures, how each was made, and the text still matches what was signed.
        await municipalDetail.NavLink("Kvitto på underskrifter").ClickAsync();
        var receipt = new ReceiptPage(m);
        await Expect(receipt.Heading).ToBeVisibleAsync();
        await Expect(receipt.Check).ToContainTextAsync("Kontrollsumman stämmer.");
        await Expect(receipt.Check.Locator("code.hash")).ToHaveTextAsync(signedHash!);
        await Expect(receipt.Rows("Underskrift")).ToHaveCountAsync(2);
        var electronic = receipt.Rows("Underskrift").Filter(new() { HasText = "Rolf Regionsson" });
        await Expect(electronic).ToContainTextAsync("Elektroniskt");
        await Expect(electronic).ToContainTextAsync("Region Dalarna");
        await Expect(electronic).ToContainTextAsync("stämmer");
        var onPaper = receipt.Rows("Underskrift").Filter(new() { HasText = "Stina Kommunsson" });
        await Expect(onPaper).ToContainTextAsync("På papper (registrerad)");
        await Expect(onPaper).ToContainTextAsync("Smedjebacken, 2026-12-12");
        await Expect(receipt.Rows("Godkännande")).ToHaveCountAsync(2);
        await m.AssertAccessibleAsync();

        // The versions, and the words the edit changed.
        await municipalDetail.NavLink("Versioner").ClickAsync();
        var versions = new VersionsPage(m);
        await Expect(versions.Heading).ToBeVisibleAsync();
        await Expect(versions.VersionRow(1)).ToBeVisibleAsync();
        await Expect(versions.VersionRow(2)).ToContainTextAsync("Undertecknad");
        await m.AssertAccessibleAsync();
        await Expect(versions.From).ToHaveValueAsync("1");
        await Expect(versions.To).ToHaveValueAsync("2");
        await versions.CompareButton.ClickAsync();

        await Expect(versions.CompareHeading).ToBeVisibleAsync();
        await Expect(versions.Summary).ToContainTextAsync("1 ord tillagt, 1 borttaget.");
        await Expect(versions.Inserted).ToHaveCountAsync(1);
        await Expect(versions.Inserted).ToHaveTextAsync(new Regex(@"tillagt: \s*tre\s*\(slut på tillagt\)"));
        await Expect(versions.Deleted).ToHaveTextAsync(new Regex(@"borttaget: \s*två\s*\(slut på borttaget\)"));
        await Expect(versions.DiffText).ToContainTextAsync("per år för att följa upp arbetet.");
        await m.AssertAccessibleAsync();
    }
}

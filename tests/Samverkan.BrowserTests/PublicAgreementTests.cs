using System.Text.RegularExpressions;
using Samverkan.BrowserTests.PageObjects;
using Samverkan.BrowserTests.Support;
using static Samverkan.BrowserTests.Support.Sessions;

namespace Samverkan.BrowserTests;

/// <summary>The public view: anyone reads signed agreements; drafts stay out of sight.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicAgreementTests(BrowserFixture app)
{
    [Fact]
    public async Task Anonymous_FindsTheSignedAgreementInThePublicList_ReadsIt_AndItsReceipt_ButADraftAnswers404()
    {
        var tag = Tag();
        var signedTitle = $"Undertecknad överenskommelse om musik {tag}";
        var draftTitle = $"Hemligt utkast om musik {tag}";
        Guid signedId, draftId;
        await using (var region = await app.SignedInAsync(app.Data.RegionOfficer))
        await using (var municipality = await app.SignedInAsync(app.Data.MunicipalityOfficer))
        {
            var regionApi = new AgreementApi(region.Page);
            var municipalApi = new AgreementApi(municipality.Page);
            signedId = await regionApi.CreateAsync(signedTitle, "Regionen skickar en kammarensemble till kommunens skolor varje termin.");
            await regionApi.MoveToAsync(signedId, "negotiation");
            await regionApi.ApproveAsync(signedId, 1);
            await municipalApi.ApproveAsync(signedId, 1);
            await regionApi.SignAsync(signedId, 1, "Rolf Regionsson", "Falun");
            await municipalApi.SignAsync(signedId, 1, "Stina Kommunsson", "Smedjebacken");
            draftId = await regionApi.CreateAsync(draftTitle, "Det här utkastet ska ingen utomstående se.");
        }

        await using var anonymous = await app.NewSessionAsync();
        var page = anonymous.Page;
        var list = await new AgreementListPage(page).GotoPublicAsync();
        await Expect(list.Row(signedTitle)).ToContainTextAsync("Smedjebackens kommun");
        await Expect(list.Row(signedTitle)).ToContainTextAsync("2027–2030");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = draftTitle })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        await page.TabToAsync(list.Table.GetByRole(AriaRole.Link, new() { Name = signedTitle, Exact = true }), maxPresses: 300);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseUrl, $"/offentligt/overenskommelser/{signedId}").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(signedTitle);
        var proof = page.GetByRole(AriaRole.Region, new() { Name = "Underskrifter och kontrollsumma" });
        await Expect(proof).ToContainTextAsync("Version 1 är undertecknad av Smedjebackens kommun och Region Dalarna.");
        await Expect(proof.Locator("code.hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Regionen skickar en kammarensemble till kommunens skolor varje termin.");
        await page.AssertAccessibleAsync();

        await proof.GetByRole(AriaRole.Link, new() { Name = "Kvitto på underskrifterna" }).ClickAsync();
        var receipt = new ReceiptPage(page);
        await Expect(receipt.Heading).ToBeVisibleAsync();
        await Expect(receipt.Check).ToContainTextAsync("Kontrollsumman stämmer.");
        await Expect(receipt.Rows("Underskrift")).ToHaveCountAsync(2);
        // Where the signatories sat is for the parties, not the public.
        await Expect(receipt.Timeline.GetByRole(AriaRole.Columnheader, new() { Name = "IP-adress" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        var draft = await page.GotoAsync($"/offentligt/overenskommelser/{draftId}");
        Assert.Equal(404, draft!.Status);
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(draftTitle);
        await page.AssertAccessibleAsync();
    }
}

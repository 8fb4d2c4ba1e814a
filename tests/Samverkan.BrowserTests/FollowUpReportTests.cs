using Samverkan.BrowserTests.Support;
using static Samverkan.BrowserTests.Support.Sessions;

namespace Samverkan.BrowserTests;

/// <summary>
/// The follow-up reports in the browser, on the demo's closed 2024 round (an open round would also take in the
/// agreements other tests sign): reached from the round page, charts drawn by the script from the tables, axe clean.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FollowUpReportTests(BrowserFixture app)
{
    [Fact]
    public async Task RegionOfficer_OpensTheRegionsAndAMunicipalitysReport_WithChartsDrawnFromTheTables()
    {
        await using var session = await app.SignedInAsync(app.Data.RegionOfficer, "/uppfoljning");
        var page = session.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Rapport för hela regionen 2024" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Uppföljning 2024: Region Dalarna");
        await ExpectChartsDrawnAsync(page, 4);
        // Each chart keeps its table beside it, as the text alternative.
        await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(4);
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Saknas", Exact = true }).First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        var pdf = await page.APIRequest.GetAsync((await page.GetByRole(AriaRole.Link, new() { Name = "Ladda ned rapporten som PDF" }).GetAttributeAsync("href"))!);
        Assert.Equal((200, "application/pdf"), (pdf.Status, pdf.Headers["content-type"]));
        var docx = await page.APIRequest.GetAsync((await page.GetByRole(AriaRole.Link, new() { Name = "Ladda ned rapporten som Word-fil (docx)" }).GetAttributeAsync("href"))!);
        Assert.Equal(200, docx.Status);

        await page.GetByRole(AriaRole.Link, new() { Name = "Rapport för Mora kommun" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Uppföljning 2024: Mora kommun och Region Dalarna");
        await ExpectChartsDrawnAsync(page, 3);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Åtaganden och svar" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task MunicipalityOfficer_ReadsItsOwnReport_AndIsRefusedAnotherMunicipalitys()
    {
        await using var session = await app.SignedInAsync(app.Data.MunicipalityOfficer, "/uppfoljning/rapport/2024/kommun/" + TestData.MunicipalityCode);
        var page = session.Page;

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Uppföljning 2024: Smedjebackens kommun och Region Dalarna");
        await page.AssertAccessibleAsync();

        var other = await page.GotoAsync("/uppfoljning/rapport/2024/kommun/2062");
        Assert.Equal(403, other!.Status);
    }

    /// <summary>The script made one canvas per figure, Chart.js owns it, and something was painted on it.</summary>
    private static async Task ExpectChartsDrawnAsync(IPage page, int count)
    {
        await Expect(page.Locator("figure.report-chart canvas")).ToHaveCountAsync(count);
        await Expect(page.GetByRole(AriaRole.Img)).ToHaveCountAsync(count);
        var drawn = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('figure.report-chart canvas')].filter(c =>
                c.width > 0 && c.height > 0 && window.Chart.getChart(c) !== undefined
                && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some(v => v !== 0)).length
            """);
        Assert.Equal(count, drawn);
    }
}

using System.Text.RegularExpressions;
using Samverkan.BrowserTests.PageObjects;
using Samverkan.BrowserTests.Support;
using Xunit.Abstractions;

namespace Samverkan.BrowserTests;

/// <summary>Importing an existing agreement: upload, review the extracted structure against the source text, confirm.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportReviewTests(BrowserFixture app, ITestOutputHelper output)
{
    private const string CustomerDocument = "overenskommelse-smedjebacken-region-dalarna-2019-2022.txt";

    [Fact]
    public async Task ReviewScreen_ShowsStructureBesideTheSource_SourceLinkFocusesThePassage_AndConfirmCreatesTheDraft()
    {
        await using var session = await app.SignedInAsync(app.Data.RegionOfficer, "/overenskommelser");
        var page = session.Page;
        await page.TabToAsync(new AgreementListPage(page).ImportLink);
        await page.Keyboard.PressAsync("Enter");
        var import = new ImportPage(page);
        await Expect(import.Heading).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await import.File.SetInputFilesAsync(Fixture("overenskommelse-mora-region-dalarna-2027-2030.txt"));
        await import.PreviewButton.ClickAsync();

        await Expect(import.Found).ToBeVisibleAsync();
        await Expect(import.Warnings).ToBeVisibleAsync();
        await Expect(import.Field("Titel")).ToContainTextAsync("Överenskommelse mellan Mora kommun och Region Dalarna för åren 2027–2030");
        await Expect(import.Field("Datum")).ToContainTextAsync("2027-02-15");
        await Expect(import.Field("Period")).ToContainTextAsync("2027-01-01 – 2030-12-31");
        await Expect(import.Fields).ToContainTextAsync("Mora kommun (2062)");
        await Expect(import.Fields).ToContainTextAsync("Region Dalarna (20)");
        await Expect(import.Fields).ToContainTextAsync("fortbildning i dans och teater");
        await Expect(import.Source).ToContainTextAsync("Parterna träffas minst en gång per år");
        await page.AssertAccessibleAsync();
        await AssertEverySourceLinkHasItsPassageAsync(page);

        // The source link of the section "Uppföljning" moves focus to that heading in the source text and marks it.
        var followUp = SectionRow(import, page, "Uppföljning");
        var link = followUp.GetByRole(AriaRole.Link);
        await Expect(link).ToHaveAccessibleNameAsync(new Regex(@"^Visa källan för Avsnitt \d+$"));
        var target = await link.GetAttributeAsync("href");
        Assert.Matches("^#src-[0-9]+$", target);
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{target}$"));
        var passage = import.Source.Locator(target!);
        await Expect(passage).ToBeFocusedAsync();
        await Expect(passage).ToHaveTextAsync("Uppföljning");
        await Expect(passage).ToBeInViewportAsync();
        await Expect(passage).ToHaveCSSAsync("outline-style", "solid");

        await import.ConfirmButton.ClickAsync();
        var detail = new AgreementDetailPage(page);
        await Expect(detail.Heading).ToContainTextAsync("Överenskommelse mellan Mora kommun och Region Dalarna för åren 2027–2030");
        await Expect(detail.State).ToContainTextAsync("Utkast");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uppföljning", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("RD 2027/0150");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ReviewScreen_ForTheCustomersAgreement_LinksEveryFoundFieldToItsPassage_AndPassesAxe()
    {
        var path = CustomerDocumentPath();
        if (path is null)
        {
            output.WriteLine($"Kundens dokument {CustomerDocument} finns inte i ../shared/seeds/ bredvid repot; det här testet kontrollerade inget. " +
                             "Lägg dit mappen för att granska importen av det riktiga avtalet i webbläsaren.");
            return;
        }
        await using var session = await app.SignedInAsync(app.Data.RegionOfficer, "/overenskommelser/importera");
        var page = session.Page;
        var import = new ImportPage(page);
        await import.File.SetInputFilesAsync(path);
        await import.PreviewButton.ClickAsync();

        await Expect(import.Found).ToBeVisibleAsync();
        await Expect(import.Fields).ToContainTextAsync("Smedjebackens kommun (2061)");
        await Expect(import.Fields).ToContainTextAsync("Region Dalarna (20)");
        await Expect(import.Field("Period")).ToContainTextAsync("2019-01-01 – 2022-12-31");
        await page.AssertAccessibleAsync();
        await AssertEverySourceLinkHasItsPassageAsync(page);

        var first = import.Fields.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Visa källan för Avsnitt") }).First;
        var target = await first.GetAttributeAsync("href");
        await first.ClickAsync();
        await Expect(import.Source.Locator(target!)).ToBeFocusedAsync();

        await import.ConfirmButton.ClickAsync();
        await Expect(new AgreementDetailPage(page).State).ToContainTextAsync("Utkast");
        await page.AssertAccessibleAsync();
    }

    private static ILocator SectionRow(ImportPage import, IPage page, string heading) =>
        import.Fields.GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex(@"^Avsnitt \d+$") }) })
            .Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = heading, Exact = true }) });

    /// <summary>A link to a passage that is not there would move nobody anywhere.</summary>
    private static async Task AssertEverySourceLinkHasItsPassageAsync(IPage page)
    {
        var dangling = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[href^="#src-"]')]
                .map(a => a.getAttribute('href'))
                .filter(href => !document.querySelector('.source-text mark' + href))
            """);
        Assert.Empty(dangling);
        await Expect(page.Locator("a[href^='#src-']").First).ToBeVisibleAsync();
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The customer's agreement stays outside the repository, in ../shared/seeds beside it.</summary>
    private static string? CustomerDocumentPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverkan.slnx"))) dir = dir.Parent;
        var path = dir is null ? null : Path.Combine(dir.FullName, "..", "shared", "seeds", CustomerDocument);
        return path is not null && File.Exists(path) ? path : null;
    }
}

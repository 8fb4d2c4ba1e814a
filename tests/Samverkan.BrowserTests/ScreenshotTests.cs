using Samverkan.BrowserTests.Support;
using Samverkan.Tests.Support;

namespace Samverkan.BrowserTests;

/// <summary>
/// The start page as the README shows it: on a database with only the demo seed (none of the other tests'
/// accounts and plans), 1280 px wide. Always written next to the test binaries; copied into
/// docs/images/start-page.png when SAMVERKAN_UPDATE_SCREENSHOTS=1.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture app)
{
    [Fact]
    public async Task StartPage_FullPageScreenshot()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        var (factory, baseUrl) = BrowserFixture.StartApp(database);
        await using var _ = factory;
        await using var session = await app.NewSessionAsync(baseUrl);
        var page = session.Page;
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Region Dalarna");

        var png = await page.ScreenshotAsync(new() { FullPage = true });

        var local = Path.Combine(AppContext.BaseDirectory, "screenshots", "start-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await File.WriteAllBytesAsync(local, png);
        if (Environment.GetEnvironmentVariable("SAMVERKAN_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(RepositoryRoot(), "docs", "images", "start-page.png");
            Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
            await File.WriteAllBytesAsync(docs, png);
        }
        Assert.True(png.Length > 10_000, "The screenshot is suspiciously small; did the page render?");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Samverkan.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Samverkan.slnx not found above " + AppContext.BaseDirectory);
    }
}

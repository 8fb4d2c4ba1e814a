using Samverkan.BrowserTests.Support;
using Samverkan.Tests.Support;

namespace Samverkan.BrowserTests;

/// <summary>
/// The start page as the README shows it: on a database with only the demo seed (none of the other tests'
/// accounts and plans), 1280 px wide, written to docs/images/start-page.png. Runs only when asked for
/// (SAMVERKAN_UPDATE_SCREENSHOTS=1 dotnet test tests/Samverkan.BrowserTests --filter Screenshot): it needs an
/// app of its own, and a picture that changes with every CSS edit does not belong in the regular run.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture app)
{
    [ScreenshotFact]
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

        Assert.True(png.Length > 10_000, "The screenshot is suspiciously small; did the page render?");
        var docs = Path.Combine(RepositoryRoot(), "docs", "images", "start-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
        await File.WriteAllBytesAsync(docs, png);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Samverkan.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Samverkan.slnx not found above " + AppContext.BaseDirectory);
    }
}

public sealed class ScreenshotFactAttribute : FactAttribute
{
    public ScreenshotFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SAMVERKAN_UPDATE_SCREENSHOTS") != "1")
            Skip = "Set SAMVERKAN_UPDATE_SCREENSHOTS=1 to refresh docs/images/start-page.png.";
    }
}

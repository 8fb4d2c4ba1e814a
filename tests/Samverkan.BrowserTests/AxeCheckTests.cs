using Samverkan.BrowserTests.Support;

namespace Samverkan.BrowserTests;

/// <summary>
/// The accessibility checks are only worth something if they can fail: if axe stopped being injected, every
/// page would pass silently. This page has two known violations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeCheckTests(BrowserFixture app)
{
    [Fact]
    public async Task AxeCheck_OnAPageWithKnownViolations_FailsAndNamesRuleAndElement()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="sv"><head><title>Prov</title></head>
            <body><main><h1>Prov</h1><img src="/saknas.png"><p style="color:#ccc">Grå text på vitt</p></main></body></html>
            """);

        var failure = await Assert.ThrowsAnyAsync<Exception>(page.AssertNoAxeViolationsAsync);

        Assert.Contains("image-alt (critical)", failure.Message);
        Assert.Contains("<img src=\"/saknas.png\">", failure.Message);
        Assert.Contains("color-contrast (serious)", failure.Message);
    }
}

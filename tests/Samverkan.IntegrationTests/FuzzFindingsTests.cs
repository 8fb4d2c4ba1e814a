using System.Net;
using System.Net.Http.Json;

namespace Samverkan.IntegrationTests;

/// <summary>
/// What the fuzzing (HostileInputTests) found, kept as plain tests: a NUL character in any text — a query value, a form
/// field, a JSON string — is bad input on both databases, 400 with a message and nothing written (PostgreSQL refuses
/// such text; without Data/NulGuard it was a 500 there); an impossible year in a page's address is named on the page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FuzzFindingsTests(AppFixture app)
{
    [Fact]
    public async Task ANulInAQueryOrABody_Answers400WithAMessage_AndWritesNothing()
    {
        var anonymous = app.Anonymous();
        var query = await (await anonymous.GetAsync("/api/v1/plans?region=%00")).ProblemAsync(400, "request.text-invalid");
        Assert.Contains("nolltecken", query.GetProperty("detail").GetString());
        await (await anonymous.GetAsync("/api/v1/dialogue-meetings?region=2%000")).ProblemAsync(400, "request.text-invalid");

        var before = await app.WrittenStateAsync();
        var region = app.As(AppFixture.RegionOfficer);
        await (await region.PostAsJsonAsync("/api/v1/plans",
            new { regionCode = "20", title = "Plan med \0 i titeln", startYear = 2031, endYear = 2034, status = "draft" })).ProblemAsync(400, "request.text-invalid");
        Assert.Equal(before, await app.WrittenStateAsync());

        // A page answers with a 400 page that says what was wrong.
        var page = await anonymous.GetAsync("/offentligt/overenskommelser?region=%00");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("nolltecken", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnImpossibleYearInTheAddress_IsNamedOnThePage_NotAServerError()
    {
        var anonymous = app.Anonymous();
        foreach (var url in new[] { "/arshjul?year=-2147483648", "/dialog?region=20&year=99999" })
        {
            var page = await anonymous.GetAsync(url);
            var html = await page.Content.ReadAsStringAsync();
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url}: {(int)page.StatusCode}");
            Assert.Contains("error-summary", html);
        }
    }
}

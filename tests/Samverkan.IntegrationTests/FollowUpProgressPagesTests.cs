using System.Net;
using System.Net.Http.Json;

namespace Samverkan.IntegrationTests;

/// <summary>The round's progress page and a figure's explanation, read without signing in (plan period 2098–2100).</summary>
[Collection(AppCollection.Name)]
public sealed class FollowUpProgressPagesTests(AppFixture app)
{
    [Fact]
    public async Task ProgressPage_OfARoundWithNoAcceptedAnswers_ShowsNoFigureInsteadOfZero_AndUnknownFiguresAre404()
    {
        var region = app.As(AppFixture.RegionOfficer);
        var plan = (await (await region.PostAsJsonAsync("/api/v1/plans",
            new { regionCode = "20", title = "Plan för framstegssidan", startYear = 2098, endYear = 2100, status = "adopted" })).JsonAsync(201))
            .GetProperty("id").GetString()!;
        var round = (await (await region.PostAsJsonAsync("/api/v1/follow-up-rounds",
            new { planId = plan, year = 2098, deadline = "2099-03-31" })).JsonAsync(201)).GetProperty("id").GetString()!;
        var anonymous = new Browser(app.Anonymous());

        var page = await anonymous.GetAsync($"/uppfoljning/{round}/framsteg");
        Assert.Contains("<h1>Framsteg i uppföljningen 2098</h1>", page.Html);
        Assert.Contains("Ingen siffra än", page.Html);
        Assert.DoesNotContain("0,0 %", page.Html);
        Assert.Contains("Inget godkänt svar med procentsats, så det finns ingen siffra.", page.Html);

        var whole = await anonymous.GetAsync($"/uppfoljning/{round}/framsteg/forklaring?grupp=helhet&nyckel=total");
        Assert.Contains("Åtagandena bakom siffran (0 delar)", whole.Html);
        await anonymous.GetAsync($"/uppfoljning/{round}/framsteg/forklaring?grupp=kommun&nyckel=9999", HttpStatusCode.NotFound);
        await anonymous.GetAsync($"/uppfoljning/{round}/framsteg/forklaring?grupp=okand&nyckel=2061", HttpStatusCode.NotFound);
        await anonymous.GetAsync($"/uppfoljning/{Guid.NewGuid()}/framsteg", HttpStatusCode.NotFound);
    }
}

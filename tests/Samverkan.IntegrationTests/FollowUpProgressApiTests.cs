namespace Samverkan.IntegrationTests;

/// <summary>The roll-up and the public follow-up over HTTP: described in OpenAPI, readable without signing in, 404 as problem+json.</summary>
[Collection(AppCollection.Name)]
public sealed class FollowUpProgressApiTests(AppFixture app)
{
    [Fact]
    public async Task TheApiDescription_ListsTheRollUpAndPublicFollowUp()
    {
        var paths = (await (await app.Anonymous().GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths");
        foreach (var path in new[] { "/api/v1/plans/{id}/progress", "/api/v1/follow-up-rounds/{id}/progress", "/api/v1/public/agreements/{id}/follow-up" })
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty("get", out _), path);
        var year = paths.GetProperty("/api/v1/plans/{id}/progress").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "year");
        Assert.Equal("query", year.GetProperty("in").GetString());
    }

    [Fact]
    public async Task UnknownRoundPlanOrAgreement_IsAProblem404()
    {
        var anonymous = app.Anonymous();
        await (await anonymous.GetAsync($"/api/v1/follow-up-rounds/{Guid.NewGuid()}/progress")).ProblemAsync(404, "follow-up.round-not-found");
        await (await anonymous.GetAsync($"/api/v1/plans/{Guid.NewGuid()}/progress?year=2027")).ProblemAsync(404, "plan.not-found");
        await (await anonymous.GetAsync($"/api/v1/public/agreements/{Guid.NewGuid()}/follow-up")).ProblemAsync(404, "agreement.not-found");
    }
}

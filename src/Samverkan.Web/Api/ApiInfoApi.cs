namespace Samverkan.Web.Api;

public static class ApiInfoApi
{
    /// <summary>The DIGG REST profile asks for a self-describing api-info resource.</summary>
    public static void MapApiInfoApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/api-info", () => TypedResults.Ok(new ApiInfo(
                ApiName: "Samverkan API",
                ApiVersion: "1.0.0",
                ApiReleased: "2026-11-28",
                ApiDocumentation: "/openapi/v1.json",
                ApiStatus: "active",
                Description: "Kultursamverkansmodellen som data: regioner, kommuner, institutioner, kulturplaner, mål och överenskommelser.",
                Contact: "Samverkan, öppen källkod")))
            .WithTags("Om API:t").WithName("GetApiInfo");
    }

    public sealed record ApiInfo(string ApiName, string ApiVersion, string ApiReleased, string ApiDocumentation, string ApiStatus,
        string Description, string Contact);
}

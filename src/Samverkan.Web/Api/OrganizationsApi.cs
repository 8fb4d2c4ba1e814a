using Samverkan.Organizations;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Api;

public static class OrganizationsApi
{
    public static void MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Organisationer");

        api.MapGet("/regions", async (ListRegions regions, CancellationToken ct) =>
            TypedResults.Ok(new { items = await regions.ExecuteAsync(ct) })).WithName("ListRegions");

        api.MapGet("/municipalities", async (string? county, ListMunicipalities list, CancellationToken ct) =>
            (await list.ExecuteAsync(county, ct)).Map(items => TypedResults.Ok(new { items }))).WithName("ListMunicipalities");

        api.MapGet("/organizations", async (string? kind, string? region, ListOrganizations list, CancellationToken ct) =>
            (await list.ExecuteAsync(kind, region, ct)).Map(items => TypedResults.Ok(new { items }))).WithName("ListOrganizations");

        api.MapGet("/organizations/{code}", async (string code, GetOrganization get, CancellationToken ct) =>
            (await get.ExecuteAsync(code, ct)).Map(TypedResults.Ok)).WithName("GetOrganization");
    }
}

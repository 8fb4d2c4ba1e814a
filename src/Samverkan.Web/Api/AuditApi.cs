using Samverkan.Audit;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Api;

public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit-entries", async (string entityType, string entityId, GetHistory history, CancellationToken ct) =>
                (await history.ExecuteAsync(entityType, entityId, ct)).Map(items => TypedResults.Ok(new { items })))
            .WithTags("Ändringslogg").WithName("ListAuditEntries");
    }
}

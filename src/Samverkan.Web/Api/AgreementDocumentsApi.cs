using Samverkan.Documents.Render;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Api;

public static class AgreementDocumentsApi
{
    public static void MapAgreementDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Dokument");

        api.MapGet("/agreements/{id:guid}/document", async (Guid id, string? format, int? version, ExportAgreementDocument export, CancellationToken ct) =>
                (await export.ExecuteAsync(id, format, version, ct)).Map(d => TypedResults.File(d.Content, d.MediaType, d.FileName)))
            .WithName("GetAgreementDocument");
    }
}

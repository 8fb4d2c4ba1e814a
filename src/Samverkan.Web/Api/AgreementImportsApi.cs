using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Documents.Import;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Api;

public static class AgreementImportsApi
{
    public static void MapAgreementImportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Dokument");

        // Reads the uploaded document and answers with the structure found; saves nothing.
        api.MapPost("/agreement-imports", async Task<IResult> (HttpRequest request, PreviewAgreementImport preview, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
                return Error.Validation("import.file-required", "Skicka filen som multipart/form-data i fältet file.", "file").ToProblem();
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null) return Error.Validation("import.file-required", "Skicka filen som multipart/form-data i fältet file.", "file").ToProblem();
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var result = await preview.ExecuteAsync(buffer.ToArray(), file.FileName, ct);
            return result.Map(r => TypedResults.Text(ImportJson.ToJson(r, withSources: true).ToJsonString(AgreementJson.Options), "application/json"));
        }).DisableAntiforgery().WithMetadata(new AcceptsUploadAttribute()).WithName("PreviewAgreementImport");

        // The confirm step: the reviewed (possibly corrected) structure becomes a draft agreement.
        api.MapPost("/agreement-imports/confirmations", async (AgreementsApi.AgreementBody body, CreateAgreement create, CancellationToken ct) =>
            (await create.ExecuteAsync(new CreateAgreementCommand(body.ToContent(), body.PartyCodes(), body.PlanId), ct))
                .Map(r => TypedResults.Created($"/api/v1/agreements/{r.Id}", r.Content))).WithName("ConfirmAgreementImport");
    }
}

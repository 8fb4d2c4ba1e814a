using Samverkan.Agreements;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Api;

public static class AgreementTemplatesApi
{
    public static void MapAgreementTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Mallar för överenskommelser");

        api.MapGet("/agreement-templates", async (string? region, ListAgreementTemplates list, CancellationToken ct) =>
            (await list.ExecuteAsync(region, ct)).Map(items => TypedResults.Ok(new { items }))).WithName("ListAgreementTemplates");

        api.MapPost("/agreement-templates", async (string? region, TemplateBody body, SaveAgreementTemplate save, CancellationToken ct) =>
            (await save.ExecuteAsync(new SaveAgreementTemplateCommand(null, region ?? body.Region, null, body.PlanId, body.ToContent()), ct))
                .Map(view => TypedResults.Created($"/api/v1/agreement-templates/{view.Id}", view))).WithName("CreateAgreementTemplate");

        api.MapGet("/agreement-templates/{id:guid}", async (Guid id, GetAgreementTemplate get, CancellationToken ct) =>
            (await get.ExecuteAsync(id, ct)).Map(TypedResults.Ok)).WithName("GetAgreementTemplate");

        api.MapPut("/agreement-templates/{id:guid}", async Task<IResult> (Guid id, TemplateBody body, HttpRequest request, SaveAgreementTemplate save, CancellationToken ct) =>
        {
            var version = Versions.From(request, body.Version);
            if (version is null) return Versions.Missing();
            return (await save.ExecuteAsync(new SaveAgreementTemplateCommand(id, null, version, body.PlanId, body.ToContent()), ct)).Map(TypedResults.Ok);
        }).WithName("SaveAgreementTemplate");

        // 201 when drafts were made; a run that finds every municipality already drafted creates nothing and answers 200.
        api.MapPost("/agreement-templates/{id:guid}/drafts", async (Guid id, CreateDraftsFromTemplate create, CancellationToken ct) =>
            (await create.ExecuteAsync(id, ct)).Map(r => r.Created.Count > 0
                ? TypedResults.Created($"/api/v1/agreement-templates/{id}", r)
                : (IResult)TypedResults.Ok(r))).WithName("CreateDraftsFromTemplate");

        api.MapGet("/agreements/{id:guid}/template-departures", async (Guid id, GetTemplateDepartures get, CancellationToken ct) =>
            (await get.ExecuteAsync(id, ct)).Map(TypedResults.Ok)).WithName("GetTemplateDepartures");
    }

    /// <summary>A template as a request body: the agreement fields, with placeholder parties and texts.</summary>
    public sealed record TemplateBody(
        string? Region, string? Kind, string? Title, string? Reference, DateOnly? Date, Period? Period, Guid? PlanId,
        CaseOfficer? CaseOfficer, List<Section>? Sections, List<SignatureLine>? Signatures, int? Version)
    {
        public AgreementContent ToContent() => new()
        {
            Kind = Kind ?? AgreementKinds.MunicipalAgreement,
            Title = Title ?? "",
            Reference = Reference,
            Date = Date,
            Period = Period,
            CaseOfficer = CaseOfficer,
            Sections = Sections ?? [],
            Signatures = Signatures ?? [],
        };
    }
}

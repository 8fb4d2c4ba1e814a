using System.Text.Json;
using Samverkan.Agreements;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Api;

public static class AgreementsApi
{
    public static void MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Överenskommelser");

        api.MapGet("/agreements", async (string? region, int? period, string? party, ListAgreements list, CancellationToken ct) =>
            (await list.ExecuteAsync(region, period, party, ct)).Map(items => TypedResults.Ok(new { items }))).WithName("ListAgreements");

        api.MapPost("/agreements", async Task<IResult> (AgreementBody body, CreateAgreement create, CancellationToken ct) =>
        {
            var result = await create.ExecuteAsync(new CreateAgreementCommand(body.ToContent(), body.PartyCodes(), body.PlanId), ct);
            return result.Map(r => TypedResults.Created($"/api/v1/agreements/{r.Id}", r.Content));
        }).WithName("CreateAgreement");

        api.MapGet("/agreements/{id:guid}", async (Guid id, int? version, GetAgreement get, CancellationToken ct) =>
            (await get.ExecuteAsync(id, version, ct)).Map(TypedResults.Ok)).WithName("GetAgreement");

        api.MapPut("/agreements/{id:guid}", async Task<IResult> (Guid id, AgreementBody body, HttpRequest request, SaveAgreement save, CancellationToken ct) =>
        {
            var version = Versions.From(request, body.Version);
            if (version is null) return Versions.Missing();
            return (await save.ExecuteAsync(new SaveAgreementCommand(id, version.Value, body.ToContent(), body.PartyCodes(), body.Note), ct))
                .Map(TypedResults.Ok);
        }).WithName("SaveAgreement");

        api.MapPost("/agreements/{id:guid}/transitions", async (Guid id, TransitionBody body, ChangeAgreementStatus change, CancellationToken ct) =>
            (await change.ExecuteAsync(id, body.To ?? "", ct)).Map(TypedResults.Ok)).WithName("ChangeAgreementStatus");

        api.MapPost("/agreements/{id:guid}/approvals", async (Guid id, ApprovalBody body, HttpContext http, ApproveAgreement approve, CancellationToken ct) =>
            (await approve.ExecuteAsync(id, body.Version, Info(http), ct)).Map(TypedResults.Ok)).WithName("ApproveAgreement");

        api.MapPost("/agreements/{id:guid}/signatures", async (Guid id, SignatureBody body, HttpContext http, SignAgreement sign, CancellationToken ct) =>
            (await sign.ExecuteAsync(new SignAgreementCommand(id, body.Version, body.Name ?? "", body.Role, body.Place, body.Date, body.Method ?? "electronic"),
                Info(http), ct)).Map(TypedResults.Ok)).WithName("SignAgreement");

        api.MapPost("/agreements/{id:guid}/amendments", async (Guid id, AmendmentBody? body, StartAmendment amend, CancellationToken ct) =>
            (await amend.ExecuteAsync(id, body?.Note, ct)).Map(TypedResults.Ok)).WithName("StartAmendment");

        api.MapGet("/agreements/{id:guid}/versions", async (Guid id, ListAgreementVersions list, CancellationToken ct) =>
            (await list.ExecuteAsync(id, ct)).Map(items => TypedResults.Ok(new { items }))).WithName("ListAgreementVersions");

        api.MapGet("/agreements/{id:guid}/versions/{a:int}/diff/{b:int}", async (Guid id, int a, int b, DiffAgreementVersions diff, CancellationToken ct) =>
            (await diff.ExecuteAsync(id, a, b, ct)).Map(TypedResults.Ok)).WithName("DiffAgreementVersions");

        api.MapGet("/agreements/{id:guid}/receipt", async (Guid id, GetSigningReceipt receipt, CancellationToken ct) =>
            (await receipt.ExecuteAsync(id, ct)).Map(TypedResults.Ok)).WithName("GetSigningReceipt");

        api.MapGet("/agreements/{id:guid}/negotiation", async (Guid id, GetNegotiation get, CancellationToken ct) =>
            (await get.ExecuteAsync(id, ct)).Map(TypedResults.Ok)).WithName("GetNegotiation");

        api.MapPost("/agreements/{id:guid}/comments", async (Guid id, CommentBody body, CommentOnAgreement comment, CancellationToken ct) =>
            (await comment.ExecuteAsync(new CommentCommand(id, body.Target, body.Text ?? ""), ct))
                .Map(commentId => TypedResults.Created($"/api/v1/agreements/{id}/negotiation", new { id = commentId }))).WithName("CommentOnAgreement");

        api.MapPost("/agreements/{id:guid}/proposals", async (Guid id, ProposalBody body, ProposeChange propose, CancellationToken ct) =>
            (await propose.ExecuteAsync(new ProposeChangeCommand(id, body.Target ?? "", body.ProposedText ?? "", body.Reason), ct))
                .Map(proposalId => TypedResults.Created($"/api/v1/agreements/{id}/negotiation", new { id = proposalId }))).WithName("ProposeChange");

        api.MapPost("/agreements/{id:guid}/proposals/{proposalId:guid}/answers", async (Guid id, Guid proposalId, AnswerBody body, AnswerProposal answer, CancellationToken ct) =>
            (await answer.ExecuteAsync(id, proposalId, body.Accept, ct)).Map(TypedResults.Ok)).WithName("AnswerProposal");

        app.MapGet("/api/v1/public/agreements/{id:guid}", async (Guid id, GetPublicAgreement get, CancellationToken ct) =>
            (await get.ExecuteAsync(id, ct)).Map(TypedResults.Ok)).WithTags("Öppna data").WithName("GetPublicAgreement");
    }

    private static RequestInfo Info(HttpContext http) =>
        new(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());

    /// <summary>The canonical JSON as a request body; parties may be codes or the {code,name,kind} objects a GET returns.</summary>
    public sealed record AgreementBody(
        string? Kind, string? Title, string? Reference, DateOnly? Date, Period? Period, List<JsonElement>? Parties, Guid? PlanId,
        CaseOfficer? CaseOfficer, List<Section>? Sections, List<SignatureLine>? Signatures, int? Version, string? Note)
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

        public IReadOnlyList<string> PartyCodes() => (Parties ?? []).Select(p => p.ValueKind switch
        {
            JsonValueKind.String => p.GetString() ?? "",
            JsonValueKind.Object when p.TryGetProperty("code", out var code) => code.GetString() ?? "",
            _ => "",
        }).ToList();
    }

    public sealed record TransitionBody(string? To);

    public sealed record ApprovalBody(int Version);

    public sealed record SignatureBody(int Version, string? Name, string? Role, string? Place, DateOnly? Date, string? Method);

    public sealed record AmendmentBody(string? Note);

    public sealed record CommentBody(string? Target, string? Text);

    public sealed record ProposalBody(string? Target, string? ProposedText, string? Reason);

    public sealed record AnswerBody(bool Accept);
}

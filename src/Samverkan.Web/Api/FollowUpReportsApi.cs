using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Samverkan.Documents.FollowUpReports;
using Samverkan.Documents.Render;
using Samverkan.FollowUp;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Api;

/// <summary>
/// The follow-up reports as JSON, PDF or Word. The format comes from <c>format=</c> (as for the agreement documents) or,
/// without it, from the Accept header; JSON is the default.
/// </summary>
public static class FollowUpReportsApi
{
    private const string Description =
        "Uppföljningsrapporten för ett år: sammanfattning, status per samverkansområde, måluppfyllelse per mål i kulturplanen, år för år under "
        + "planperioden och varje åtagande med parternas godkända svar. Bara godkända svar räknas; ett svar som inte är godkänt visas som saknat "
        + "(status missing) med var svaret står (submission). format=json|pdf|docx, eller Accept: application/pdf respektive "
        + "application/vnd.openxmlformats-officedocument.wordprocessingml.document. ";

    public static void MapFollowUpReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Uppföljning");

        foreach (var (segment, scope, summary, who, name) in new[]
                 {
                     ("municipalities", ReportScopes.Municipality, "En kommuns uppföljningsrapport",
                         "Kommunens överenskommelser med regionen. Läses av kommunens och regionens egna konton.", "GetMunicipalityFollowUpReport"),
                     ("regions", ReportScopes.Region, "Regionens uppföljningsrapport",
                         "Alla överenskommelser i regionens omgång, med en siffra per kommun. Läses av regionens egna konton.", "GetRegionFollowUpReport"),
                 })
        {
            api.MapGet($"/follow-up-reports/{{year:int}}/{segment}/{{code}}",
                    (int year, string code, string? format, HttpRequest request, GetFollowUpReport get, ExportFollowUpReport export, CancellationToken ct) =>
                        ReportAsync(scope, code, year, format, request, get, export, ct))
                .Produces<FollowUpReport>()
                .AddOpenApiOperationTransformer(DescribeDocuments)
                .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404)
                .WithSummary(summary)
                .WithDescription(Description + who)
                .WithName(name);
        }
    }

    /// <summary>The same 200 answer also comes as PDF or Word; Produces cannot say so, so the description gets the two types here.</summary>
    private static Task DescribeDocuments(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var format in new[] { AgreementDocumentFormat.Pdf, AgreementDocumentFormat.Docx })
                response.Content[format.MediaType()] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
        }
        return Task.CompletedTask;
    }

    private static async Task<IResult> ReportAsync(
        string scope, string code, int year, string? format, HttpRequest request, GetFollowUpReport get, ExportFollowUpReport export, CancellationToken ct)
    {
        // The same address answers in three formats, so a cache must keep them apart.
        request.HttpContext.Response.Headers.Vary = HeaderNames.Accept;
        var wanted = format ?? FromAccept(request);
        if (wanted is null || wanted.Equals("json", StringComparison.OrdinalIgnoreCase))
            return (await (scope == ReportScopes.Region ? get.ForRegionAsync(code, year, ct) : get.ForMunicipalityAsync(code, year, ct)))
                .Map(TypedResults.Ok);
        return (await export.ExecuteAsync(scope, code, year, wanted, ct)).Map(d => TypedResults.File(d.Content, d.MediaType, d.FileName));
    }

    /// <summary>The first document type the client accepts, in its order of preference; null for JSON or anything else.</summary>
    private static string? FromAccept(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1).Select(a => a.MediaType.Value);
        foreach (var type in accepted)
        {
            if (type == AgreementDocumentFormat.Pdf.MediaType()) return "pdf";
            if (type == AgreementDocumentFormat.Docx.MediaType()) return "docx";
            if (type is "application/json" or "*/*") return null;
        }
        return null;
    }
}

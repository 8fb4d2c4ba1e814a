using Microsoft.Net.Http.Headers;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Api;

public static class AgreementComparisonsApi
{
    public static void MapAgreementComparisonsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Överenskommelser");

        // One resource, two representations: JSON by default, the spreadsheet with Accept: text/csv.
        api.MapGet("/agreement-comparisons", async (HttpRequest request, string? region, int? year, string? by, Guid? goal, CompareAgreements compare,
                CancellationToken ct) =>
            {
                var result = await compare.ExecuteAsync(region, year, by, goal, ct);
                return AcceptsCsv(request) ? Csv(result) : result.Map(TypedResults.Ok);
            })
            .Produces<AgreementComparison>()
            .WithDescription("Kommunernas överenskommelser sida vid sida, per mål (by=goal) eller per samverkansområde (by=area). "
                + "Med Accept: text/csv kommer samma tabell som CSV för Excel.")
            .WithName("CompareAgreements");

        // The same CSV at a path of its own, for plain links (a link cannot set Accept). Left out of the API
        // description, whose paths follow the profile's lowercase kebab-case segments.
        api.MapGet("/agreement-comparisons.csv", async (string? region, int? year, string? by, Guid? goal, CompareAgreements compare, CancellationToken ct) =>
                Csv(await compare.ExecuteAsync(region, year, by, goal, ct)))
            .ExcludeFromDescription()
            .WithName("ExportAgreementComparison");
    }

    private static IResult Csv(Result<AgreementComparison> result) =>
        result.Map(r => TypedResults.File(AgreementComparisonCsv.Write(r), AgreementComparisonCsv.ContentType, AgreementComparisonCsv.FileName(r)));

    private static bool AcceptsCsv(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
}

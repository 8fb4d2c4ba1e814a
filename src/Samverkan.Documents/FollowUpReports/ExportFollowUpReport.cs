using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Documents.Render;
using Samverkan.FollowUp;

namespace Samverkan.Documents.FollowUpReports;

/// <summary>A municipality's or the region's follow-up report for a year as PDF or Word; who may read it follows <see cref="GetFollowUpReport"/>.</summary>
public sealed class ExportFollowUpReport(GetFollowUpReport get) : IUseCase
{
    public async Task<Result<ExportedDocument>> ExecuteAsync(string scope, string code, int year, string? format, CancellationToken ct = default)
    {
        if (!AgreementDocumentFormats.TryParse(format ?? "pdf", out var parsed) || parsed is null)
            return Error.Validation("document.format-invalid", "Formatet måste vara pdf eller docx.", "format");
        var report = scope == ReportScopes.Region ? await get.ForRegionAsync(code, year, ct) : await get.ForMunicipalityAsync(code, year, ct);
        if (!report.IsSuccess) return report.Error!;
        return Render(report.Value, parsed.Value);
    }

    internal static ExportedDocument Render(FollowUpReport report, AgreementDocumentFormat format)
    {
        var bytes = format == AgreementDocumentFormat.Docx ? ReportDocxWriter.Write(report) : ReportPdfWriter.Write(report);
        var name = $"uppfoljning-{report.Year}-{ExportAgreementDocument.Slug(report.Subject.Name)}.{format.FileExtension()}";
        return new ExportedDocument(bytes, name, format.MediaType());
    }
}

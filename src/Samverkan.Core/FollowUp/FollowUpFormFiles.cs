using Samverkan.Common;

namespace Samverkan.FollowUp;

/// <summary>A party's form as a file to download: the bytes, their media type and a file name that says what it is.</summary>
public sealed record FollowUpFormFile(byte[] Content, string MediaType, string FileName);

/// <summary>One record of a form file: the line (CSV) or row (Excel) it starts on, and its fields in column order.</summary>
public sealed record FormRecord(int Line, List<string> Fields);

/// <summary>
/// Writes and reads the form as an Excel workbook. Implemented where the Office library lives (Samverkan.Documents), so
/// the core needs no such dependency; a host without it exports and imports CSV only.
/// </summary>
public interface IFollowUpSpreadsheet
{
    byte[] Write(IReadOnlyList<FollowUpCsv.Row> rows);

    /// <summary>The first worksheet's non-empty rows, each padded to at least the header's width; an error when the file is no workbook.</summary>
    Result<List<FormRecord>> Read(byte[] content);
}

/// <summary>The two formats a form travels in, by name (<c>csv</c>, <c>xlsx</c>) and by media type.</summary>
public static class FollowUpFormFormats
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> All = [Csv, Xlsx];

    public static string MediaType(string format) => format == Xlsx ? XlsxMediaType : FollowUpCsv.ContentType;

    /// <summary>The format a media type asks for (<c>text/csv</c>, the Excel type), or null for any other.</summary>
    public static string? FromMediaType(string? mediaType) => mediaType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "text/csv" => Csv,
        XlsxMediaType => Xlsx,
        _ => null,
    };

    /// <summary>A zip archive (what an .xlsx file is) begins with "PK\x03\x04"; a text file never does.</summary>
    public static bool LooksLikeXlsx(ReadOnlySpan<byte> content) =>
        content.Length >= 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03 && content[3] == 0x04;

    /// <summary>e.g. <c>uppfoljning-2025-2061.xlsx</c>: the year and the party's code, so downloads for several parties do not collide.</summary>
    public static string FileName(int year, string partyCode, string format) => $"uppfoljning-{year}-{partyCode}.{format}";
}

using System.IO.Compression;
using System.Text;
using Samverkan.Common;

namespace Samverkan.FollowUp;

/// <summary>A kind of file accepted as evidence, recognised by its content (magic bytes), not by its name alone.</summary>
public sealed record EvidenceType(string Name, IReadOnlyList<string> Extensions, string ContentType, string Description)
{
    internal Func<byte[], bool> Matches { get; init; } = _ => false;
}

/// <summary>
/// The file types evidence may have and how each is recognised. The name's extension picks the type; the content
/// must then be that type. A file is never executed or rendered by Samverkan (it is served only as a download),
/// so the check guards against mislabelled and disguised files rather than parsing them in depth.
/// </summary>
public static class EvidenceTypes
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static readonly IReadOnlyList<EvidenceType> Known =
    [
        new("pdf", [".pdf"], "application/pdf", "PDF") { Matches = IsPdf },
        new("docx", [".docx"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (.docx)")
            { Matches = b => IsZipWith(b, "word/document.xml") },
        new("xlsx", [".xlsx"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (.xlsx)")
            { Matches = b => IsZipWith(b, "xl/workbook.xml") },
        new("odt", [".odt"], "application/vnd.oasis.opendocument.text", "OpenDocument-text (.odt)") { Matches = IsOdt },
        new("png", [".png"], "image/png", "PNG-bild") { Matches = b => StartsWith(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) },
        new("jpg", [".jpg", ".jpeg"], "image/jpeg", "JPEG-bild") { Matches = b => StartsWith(b, [0xFF, 0xD8, 0xFF]) },
        new("txt", [".txt"], "text/plain; charset=utf-8", "text (.txt)") { Matches = IsPlainText },
        new("csv", [".csv"], "text/csv; charset=utf-8", "CSV") { Matches = IsPlainText },
    ];

    public static EvidenceType? Find(string name) =>
        Known.FirstOrDefault(t => t.Name.Equals(name.Trim().TrimStart('.'), StringComparison.OrdinalIgnoreCase)
            || t.Extensions.Contains("." + name.Trim().TrimStart('.').ToLowerInvariant()));

    public const string TooLarge = "evidence.too-large";
    public const string TypeRefused = "evidence.type-refused";
    public const string ContentMismatch = "evidence.content-mismatch";
    public const string Empty = "evidence.empty";

    /// <summary>Checks size, name and content; answers the type and a clean file name, or an error naming the field <c>file</c>.</summary>
    public static Result<(EvidenceType Type, string FileName)> Check(string? fileName, byte[] content, EvidenceOptions options)
    {
        if (content.LongLength > options.MaxBytes) return TooLargeError(options.MaxBytes);
        if (content.Length == 0) return Error.Validation(Empty, "Filen är tom.", "file");
        var name = CleanName(fileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var allowed = string.Join(", ", options.AllowedTypes.Select(t => t.Extensions[0]));
        var type = options.AllowedTypes.FirstOrDefault(t => t.Extensions.Contains(extension));
        if (type is null)
            return Error.Validation(TypeRefused,
                extension.Length == 0
                    ? $"Filen saknar filändelse. Tillåtna filtyper: {allowed}."
                    : $"Filtypen {extension} tas inte emot som underlag. Tillåtna filtyper: {allowed}.",
                "file");
        if (!type.Matches(content))
            return Error.Validation(ContentMismatch,
                $"Filen heter {extension} men innehållet är inte {type.Description}. Spara om filen i rätt format och försök igen.", "file");
        return (type, name);
    }

    public static Error TooLargeError(long maxBytes) =>
        Error.Validation(TooLarge, $"Filen är för stor. Största tillåtna storlek är {FormatSize(maxBytes)}.", "file");

    public static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB".Replace('.', ',') : $"{Math.Max(1, bytes / 1024)} kB";

    /// <summary>Only the last path segment, without control characters, at most 200 characters with the extension kept.</summary>
    internal static string CleanName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim().Trim('.');
        if (name.Length > FollowUpLimits.FileName)
        {
            var extension = Path.GetExtension(name);
            name = name[..(FollowUpLimits.FileName - extension.Length)] + extension;
        }
        return name;
    }

    private static bool StartsWith(byte[] content, byte[] magic) => content.AsSpan().StartsWith(magic);

    // The PDF header may follow a little junk, but must come within the first kilobyte (ISO 32000-1, 7.5.2 and readers' practice).
    private static bool IsPdf(byte[] content) => content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    private static bool IsZipWith(byte[] content, string requiredEntry) =>
        ReadZip(content, zip => zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(requiredEntry) is not null);

    private static bool IsOdt(byte[] content) => ReadZip(content, zip =>
    {
        if (zip.GetEntry("mimetype") is not { Length: < 200 } entry) return false;
        using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
        return reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.text";
    });

    // Only the zip's directory (and the tiny mimetype entry) is read, so a zip bomb costs nothing here.
    private static bool ReadZip(byte[] content, Func<ZipArchive, bool> test)
    {
        if (!StartsWith(content, Zip)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return test(zip);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>
    /// Text has no magic number: it is text if it holds no NUL or other control bytes besides tab, line breaks and
    /// form feed, and does not start like a binary format. Bytes above 127 are allowed, so Excel's Windows-1252 CSV passes.
    /// </summary>
    private static bool IsPlainText(byte[] content)
    {
        if (StartsWith(content, Zip) || IsPdf(content) || StartsWith(content, "MZ"u8.ToArray()) || StartsWith(content, [0x7F, 0x45, 0x4C, 0x46]))
            return false;
        foreach (var b in content)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) return false;
        return true;
    }
}

using System.Globalization;
using System.Text;

namespace Samverkan.FollowUp;

/// <summary>
/// A party's follow-up form as CSV that Swedish Excel opens as it is: UTF-8 with a byte order mark, semicolons (the
/// comma is the Swedish decimal sign), every field quoted, CRLF line ends. One row per commitment the party holds.
/// </summary>
public static class FollowUpCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The header, as exported and as the import requires it (in this order, case ignored).</summary>
    public static readonly IReadOnlyList<string> Header =
        ["overenskommelse_id", "atagande_id", "avsnitt", "atagande", "status", "procent", "beskrivning"];

    public sealed record Row(Guid AgreementId, Guid CommitmentId, string Section, string Commitment, string? Status, int? Progress, string? Narrative);

    public static byte[] Write(IEnumerable<Row> rows)
    {
        var sb = new StringBuilder();
        void Line(IEnumerable<string> fields) => sb.Append(string.Join(';', fields.Select(f => $"\"{f.Replace("\"", "\"\"")}\""))).Append("\r\n");
        Line(Header);
        foreach (var r in rows)
            Line([r.AgreementId.ToString(), r.CommitmentId.ToString(), Defuse(r.Section), Defuse(r.Commitment), Defuse(r.Status ?? ""),
                r.Progress?.ToString(CultureInfo.InvariantCulture) ?? "", Defuse(r.Narrative ?? "")]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>
    /// Characters that make a spreadsheet read a cell as a formula (OWASP's list for CSV injection). Text we export is
    /// someone's words, and a narrative beginning "=HYPERLINK(…)" must stay words in the reader's Excel.
    /// </summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Whether a text cell would start a formula in a spreadsheet (the Excel writer marks such cells as text).</summary>
    public static bool StartsFormula(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]);

    /// <summary>
    /// Puts an apostrophe before text that would start a formula; <see cref="Read"/> takes it off again. Text that itself
    /// begins with an apostrophe gets one too, or "'-" written as is would come back as "-".
    /// </summary>
    public static string Defuse(string text) => StartsFormula(text) || text.StartsWith('\'') ? "'" + text : text;

    private static string Restore(string field) =>
        field.Length > 1 && field[0] == '\'' && (StartsFormula(field[1..]) || field[1] == '\'') ? field[1..] : field;

    /// <summary>
    /// Reads records with their row as a spreadsheet numbers them: every record is one row, blank ones too, and a quoted
    /// field spanning lines stays in its row, so errors name the same row in Excel whether the file is CSV or .xlsx.
    /// A byte order mark is skipped;
    /// a comma-separated file is read too, since a spreadsheet saved with another list separator is a common slip.
    /// A file that is not UTF-8 is read as Windows-1252, which is what Swedish Excel's plain "CSV" saves, so å, ä and ö
    /// survive either way. The apostrophe <see cref="Defuse"/> put before a formula character is taken off.
    /// </summary>
    public static List<FormRecord> Read(byte[] content)
    {
        var text = Decode(content).TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Contains(';') || !firstLine.Contains(',') ? ';' : ',';
        var records = new List<FormRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var row = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == separator) { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Any(f => f.Length > 0)) records.Add(new FormRecord(row, fields.Select(Restore).ToList()));
                fields = [];
                row++;
            }
            else field.Append(ch);
        }
        fields.Add(field.ToString());
        if (fields.Any(f => f.Length > 0)) records.Add(new FormRecord(row, fields.Select(Restore).ToList()));
        return records;
    }

    private static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252).GetString(content);
        }
    }
}

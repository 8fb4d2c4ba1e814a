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
            Line([r.AgreementId.ToString(), r.CommitmentId.ToString(), r.Section, r.Commitment, r.Status ?? "",
                r.Progress?.ToString(CultureInfo.InvariantCulture) ?? "", r.Narrative ?? ""]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>
    /// Reads records with the line each starts on (a quoted field may span lines). A byte order mark is skipped;
    /// a comma-separated file is read too, since a spreadsheet saved with another list separator is a common slip.
    /// </summary>
    public static List<(int Line, List<string> Fields)> Read(byte[] content)
    {
        var text = new UTF8Encoding(false, false).GetString(content).TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Contains(';') || !firstLine.Contains(',') ? ';' : ',';
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
            }
            else if (ch == '"') quoted = true;
            else if (ch == separator) { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Any(f => f.Length > 0)) records.Add((start, fields));
                fields = [];
                line++;
                start = line;
            }
            else field.Append(ch);
        }
        fields.Add(field.ToString());
        if (fields.Any(f => f.Length > 0)) records.Add((start, fields));
        return records;
    }
}

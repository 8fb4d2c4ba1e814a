using System.Text;

namespace Samverkan.Agreements;

/// <summary>
/// The comparison matrix as a CSV file that Swedish Excel opens as it is: UTF-8 with a byte order mark (without it
/// Excel reads å, ä, ö as Windows-1252), semicolons (the comma is the Swedish decimal sign, so Excel's list
/// separator is ";"), every field quoted, CRLF line ends (RFC 4180) and a header row in Swedish.
/// </summary>
public static class AgreementComparisonCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(AgreementComparison comparison)
    {
        var sb = new StringBuilder();
        void Line(IEnumerable<string> fields) => sb.Append(string.Join(';', fields.Select(Quote))).Append("\r\n");

        Line(new[] { "Kommun", "Kommunkod", "Status", "Version" }.Concat(comparison.Columns.Select(c => c.Title)));
        foreach (var row in comparison.Rows)
        {
            Line(new[]
            {
                row.Municipality.Name, row.Municipality.Code, row.Status is null ? "Ingen överenskommelse" : StatusName(row.Status),
                row.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            }.Concat(row.Cells.Select(cell => string.Join("\n", cell.Commitments.Select(c => Describe(c, comparison.Region.Code))))));
        }
        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(sb.ToString());
        return [.. preamble, .. body];
    }

    public static string FileName(AgreementComparison comparison) =>
        $"overenskommelser-{comparison.Region.Code}-{comparison.Year}-{(comparison.By == ComparisonModes.Goal ? "per-mal" : "per-omrade")}.csv";

    /// <summary>Who made a commitment, in the words the comparison uses everywhere: "Gemensamt", "Regionen" or "Kommunen".</summary>
    public static string Committer(ComparedCommitment c, string regionCode) =>
        c.Parties.Count > 1 ? "Gemensamt" : c.Parties.FirstOrDefault() == regionCode ? "Regionen" : "Kommunen";

    private static string Describe(ComparedCommitment c, string regionCode)
    {
        var text = $"{Committer(c, regionCode)}: {c.Text}";
        if (c.Target is not null) text += $" (målvärde: {c.Target})";
        return text;
    }

    public static string StatusName(string status) => status switch
    {
        AgreementStatuses.Draft => "Utkast",
        AgreementStatuses.Negotiation => "Under förhandling",
        AgreementStatuses.Agreed => "Överenskommen",
        AgreementStatuses.Signed => "Undertecknad",
        AgreementStatuses.Active => "Gällande",
        AgreementStatuses.Expired => "Utgången",
        AgreementStatuses.Withdrawn => "Återkallad",
        _ => status,
    };

    /// <summary>
    /// Quotes a field; one that starts like a formula gets a leading apostrophe, so a commitment text can never run
    /// as a formula in the spreadsheet it is opened in (CSV injection).
    /// </summary>
    private static string Quote(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r') field = "'" + field;
        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

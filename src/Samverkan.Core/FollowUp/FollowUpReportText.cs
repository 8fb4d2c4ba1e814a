using System.Globalization;

namespace Samverkan.FollowUp;

/// <summary>
/// The report's figures and answers in Swedish words, shared by the web page and the PDF and Word documents so the three
/// say the same thing the same way.
/// </summary>
public static class FollowUpReportText
{
    private static readonly CultureInfo Swedish = Common.SwedishText.Culture;

    public const string NoFigure = "ingen siffra";

    public static string Percent(decimal? progress) => progress is { } p ? $"{p.ToString("0.0", Swedish)} %" : NoFigure;

    public static string Number(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", Swedish);

    /// <summary>"2,5 av 4": how much of the figure's weight has an answer that counts.</summary>
    public static string Coverage(ReportFigure figure) => $"{Number(figure.CountedWeight)} av {Number(figure.TotalWeight)}";

    public static string RoundStatus(string status) => status == RoundStatuses.Open ? "öppen" : "stängd";

    public static string Scope(FollowUpReport report) =>
        report.Scope == ReportScopes.Region ? $"alla överenskommelser i {report.Region.Name}s uppföljning" : $"{report.Subject.Name}s överenskommelser med {report.Region.Name}";

    public static string NoAgreements(FollowUpReport report) => report.Scope == ReportScopes.Region
        ? $"Ingen undertecknad överenskommelse ingår i uppföljningen {report.Year}."
        : $"{report.Subject.Name} har ingen undertecknad överenskommelse med {report.Region.Name} som ingår i uppföljningen {report.Year}.";

    /// <summary>Why a share has no accepted answer, from where the party's answer for the agreement stands.</summary>
    public static string MissingReason(string submission) => submission switch
    {
        SubmissionStatuses.Submitted => "svaret är inskickat men inte granskat av regionen",
        SubmissionStatuses.Returned => "svaret är återsänt för komplettering",
        SubmissionStatuses.Accepted => "det godkända svaret saknar åtagandet",
        _ => "inget svar är inskickat",
    };

    /// <summary>"Pågår, 60 %" for an accepted answer; "Saknas (inget svar är inskickat)" for a missing one.</summary>
    public static string Status(ReportAnswer answer) => answer.Status == ReportStatuses.Missing
        ? $"Saknas ({MissingReason(answer.Submission)})"
        : StatusAndProgress(answer.Status, answer.Progress);

    public static string StatusAndProgress(string status, int? progress) =>
        progress is { } p ? $"{ReportStatuses.SwedishName(status)}, {p} %" : ReportStatuses.SwedishName(status);

    public static string Earlier(EarlierAnswer earlier) =>
        $"Senast godkända svar ({earlier.Year}): {StatusAndProgress(earlier.Status, earlier.Progress)}."
        + (string.IsNullOrWhiteSpace(earlier.Narrative) ? "" : $" {earlier.Narrative.Trim()}");

    public static string Indicators(IEnumerable<IndicatorValue> values) =>
        string.Join("; ", values.Select(v => $"{v.Name}: {v.Value.ToString("0.####", Swedish)}{(v.Unit is null ? "" : " " + v.Unit)}"));

    /// <summary>
    /// One line per answer: the party, the status and, for an accepted one, its narrative and indicator values; for a
    /// missing one, the latest answer accepted in an earlier year.
    /// </summary>
    public static string Answer(ReportAnswer answer)
    {
        var text = $"{answer.Party.Name}: {Status(answer)}.";
        if (!string.IsNullOrWhiteSpace(answer.Narrative)) text += $" {answer.Narrative.Trim()}";
        if (answer.Indicators.Count > 0) text += $" ({Indicators(answer.Indicators)})";
        if (answer.Earlier is { } earlier) text += $" {Earlier(earlier)}";
        return text;
    }

    /// <summary>"Region Dalarna: godkänd; Smedjebackens kommun: inskickad (sent)".</summary>
    public static string Submissions(IEnumerable<PartyProgressView> submissions) =>
        string.Join("; ", submissions.Select(s =>
            $"{s.Party.Name}: {SubmissionStatuses.SwedishName(s.Status).ToLower(Swedish)}{(s.Late ? " (sent)" : "")}"));

    public static string SubmissionCounts(SubmissionCounts c) =>
        $"{c.Accepted} av {c.Expected} svar godkända, {c.Submitted} väntar på granskning, {c.Returned} återsända, {c.Draft} ej inskickade.";

    public static string StatusCounts(IEnumerable<StatusCount> counts) => string.Join(", ", counts.Select(c => $"{c.Name.ToLower(Swedish)} {c.Count}"));
}

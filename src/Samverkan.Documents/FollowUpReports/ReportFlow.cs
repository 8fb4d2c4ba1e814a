using Samverkan.Documents.Render;
using Samverkan.FollowUp;

namespace Samverkan.Documents.FollowUpReports;

internal abstract record ReportBlock;

/// <summary>Level 1 is the title, 2 a section, 3 an agreement, 4 a collaboration area inside it.</summary>
internal sealed record ReportHeading(int Level, string Text) : ReportBlock;

internal sealed record ReportText(FlowText Kind, string Text, string? Label = null) : ReportBlock;

internal sealed record ReportTable(IReadOnlyList<FlowColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>
/// One bar of a chart: stacked counts per series (status), or a single percentage (null: no figure). <paramref name="Note"/>
/// is written after the bar, so the value is read as text and not only from the bar's length.
/// </summary>
internal sealed record ChartBar(string Label, IReadOnlyList<decimal?> Values, string Note);

/// <summary>
/// A chart and its caption. The table with the same figures always follows it in the flow, so the Word document (which
/// shows the caption and the table) and a screen reader (which reads the table) lose nothing.
/// </summary>
/// <param name="Number">The chart's number; the PDF calls it a figure, the Word document (which has only the table) a table.</param>
internal sealed record ReportChart(int Number, string Caption, string AltText, IReadOnlyList<string> Series, IReadOnlyList<ChartBar> Bars, bool Stacked)
    : ReportBlock;

/// <summary>
/// The report read as one sequence of blocks. PDF and Word are both written from it, so they cannot differ in wording,
/// order or figures.
/// </summary>
internal static class ReportFlow
{
    public static IReadOnlyList<ReportBlock> From(FollowUpReport report)
    {
        var blocks = new List<ReportBlock>();
        var figure = 0;
        var statusColumns = ReportStatuses.Order.Select(s => new FlowColumn(Hyphenated(ReportStatuses.SwedishName(s)), 1.25, AlignRight: true)).ToList();

        blocks.Add(new ReportHeading(1, report.Title));
        blocks.Add(new ReportText(FlowText.Detail,
            $"Kulturplan: {report.Plan.Title} ({report.Plan.StartYear}–{report.Plan.EndYear}). Omgången är {FollowUpReportText.RoundStatus(report.Round.Status)}, "
            + $"sista svarsdag {PdfPageFlow.Date(report.Round.Deadline)}. Rapporten gäller {FollowUpReportText.Scope(report)} och är tagen ur Samverkan "
            + $"{PdfPageFlow.Date(report.GeneratedAt)}."));

        var s = report.Summary;
        blocks.Add(new ReportHeading(2, "Sammanfattning"));
        if (s.Agreements == 0) blocks.Add(new ReportText(FlowText.Paragraph, FollowUpReportText.NoAgreements(report)));
        blocks.Add(new ReportText(FlowText.Bullet, $"Samlad måluppfyllelse: {FollowUpReportText.Percent(s.Progress.Progress)} (täckning {FollowUpReportText.Coverage(s.Progress)})."));
        blocks.Add(new ReportText(FlowText.Bullet, $"Överenskommelser: {s.Agreements}. Åtaganden: {s.Commitments}. Parternas svar som ingår: {s.Answers}."));
        blocks.Add(new ReportText(FlowText.Bullet, $"Svarens status: {FollowUpReportText.StatusCounts(s.Statuses)}."));
        blocks.Add(new ReportText(FlowText.Bullet, $"Inskickning: {FollowUpReportText.SubmissionCounts(s.Submissions)}"));
        blocks.Add(new ReportText(FlowText.Detail, $"Så räknas siffrorna: {report.Formula}"));
        blocks.Add(new ReportText(FlowText.Detail, $"Uträkning: {s.Progress.Calculation}"));

        blocks.Add(new ReportHeading(2, "Status per samverkansområde"));
        if (report.Areas.Count == 0)
        {
            blocks.Add(new ReportText(FlowText.Paragraph, "Överenskommelserna har inga åtaganden att följa upp."));
        }
        else
        {
            blocks.Add(new ReportChart(++figure, "Parternas svar per samverkansområde och status (antal).",
                "Liggande staplar: antal svar per status för varje samverkansområde. Samma uppgifter finns i tabellen efter diagrammet.",
                ReportStatuses.Order.Select(ReportStatuses.SwedishName).ToList(),
                report.Areas.Select(a => new ChartBar(a.Area, a.Statuses.Select(c => (decimal?)c.Count).ToList(), $"{a.Answers} svar")).ToList(), Stacked: true));
            blocks.Add(new ReportTable([new FlowColumn("Samverkansområde", 3.4), .. statusColumns, new FlowColumn("Procent", 1.6, AlignRight: true)],
                report.Areas.Select(a => Row(a.Area, a.Statuses.Select(c => $"{c.Count}"), FollowUpReportText.Percent(a.Progress.Progress))).ToList()));
        }

        blocks.Add(new ReportHeading(2, "Måluppfyllelse per mål i kulturplanen"));
        if (report.Goals.Count == 0)
            blocks.Add(new ReportText(FlowText.Paragraph, "Inga åtaganden är kopplade till kulturplanens mål."));
        else
            AddFigures(blocks, ++figure, "Måluppfyllelse per mål i kulturplanen (procent av godkända svar).", "Mål", report.Goals);

        blocks.Add(new ReportHeading(2, "År för år"));
        blocks.Add(new ReportChart(++figure, "Måluppfyllelse år för år under planperioden (procent av godkända svar).",
            "Liggande staplar: måluppfyllelse i procent för varje år som följts upp. Samma uppgifter finns i tabellen efter diagrammet.", [],
            report.YearOverYear.Select(y => PercentBar($"{y.Year}", y.Progress)).ToList(), Stacked: false));
        blocks.Add(new ReportTable([new FlowColumn("År", 1.2), new FlowColumn("Procent", 1.6, AlignRight: true), new FlowColumn("Täckning", 1.6, AlignRight: true),
                .. statusColumns],
            report.YearOverYear.Select(y => Row($"{y.Year}", [FollowUpReportText.Percent(y.Progress.Progress), FollowUpReportText.Coverage(y.Progress),
                .. y.Statuses.Select(c => $"{c.Count}")])).ToList()));

        if (report.Municipalities.Count > 0)
        {
            blocks.Add(new ReportHeading(2, "Per kommun"));
            AddFigures(blocks, ++figure, "Måluppfyllelse per kommun (procent av godkända svar).", "Kommun", report.Municipalities);
        }

        blocks.Add(new ReportHeading(2, "Åtaganden och svar"));
        blocks.Add(new ReportText(FlowText.Detail, "Varje åtagande med parternas godkända svar för året. Ett svar som inte är godkänt visas som saknat, "
            + "med skälet och det senast godkända svaret från ett tidigare år när det finns."));
        foreach (var agreement in report.Agreements)
        {
            blocks.Add(new ReportHeading(3, agreement.Title));
            blocks.Add(new ReportText(FlowText.Detail,
                $"Version {agreement.Version}. Måluppfyllelse {FollowUpReportText.Percent(agreement.Progress.Progress)} (täckning {FollowUpReportText.Coverage(agreement.Progress)}). "
                + $"Svar: {FollowUpReportText.Submissions(agreement.Submissions)}."));
            var number = 0;
            foreach (var section in agreement.Commitments.GroupBy(c => c.Section))
            {
                if (section.Key.Length > 0) blocks.Add(new ReportHeading(4, section.Key));
                foreach (var commitment in section)
                {
                    blocks.Add(new ReportText(FlowText.Numbered, commitment.Text, $"{++number}."));
                    foreach (var answer in commitment.Answers)
                        blocks.Add(new ReportText(FlowText.Sub, FollowUpReportText.Answer(answer)));
                }
            }
            if (agreement.Commitments.Count == 0) blocks.Add(new ReportText(FlowText.Paragraph, "Överenskommelsen har inga åtaganden."));
        }
        return blocks;
    }

    private static void AddFigures(List<ReportBlock> blocks, int number, string caption, string what, IReadOnlyList<ReportFigure> figures)
    {
        blocks.Add(new ReportChart(number, caption,
            $"Liggande staplar: måluppfyllelse i procent per {what.ToLowerInvariant()}. Samma uppgifter finns i tabellen efter diagrammet.", [],
            figures.Select(f => PercentBar(f.Label, f)).ToList(), Stacked: false));
        blocks.Add(new ReportTable(
            [new FlowColumn(what, 5), new FlowColumn("Procent", 1.6, AlignRight: true), new FlowColumn("Täckning", 1.6, AlignRight: true),
                new FlowColumn("Räknas", 1.2, AlignRight: true), new FlowColumn("Saknas", 1.2, AlignRight: true)],
            figures.Select(f => Row(f.Label, [FollowUpReportText.Percent(f.Progress), FollowUpReportText.Coverage(f), $"{f.Counts.Counted}", $"{f.Counts.Missing}"]))
                .ToList()));
    }

    /// <summary>Where a status name may break in a narrow column (a soft hyphen, U+00AD).</summary>
    private static string Hyphenated(string name) => name switch
    {
        "Genomfört" => "Genom\u00ADfört",
        "Ej påbörjat" => "Ej på\u00ADbörjat",
        _ => name,
    };

    private static ChartBar PercentBar(string label, ReportFigure figure) =>
        new(label, [figure.Progress], $"{FollowUpReportText.Percent(figure.Progress)} ({FollowUpReportText.Coverage(figure)})");

    private static IReadOnlyList<string> Row(string first, IEnumerable<string> rest, params string[] last) => [first, .. rest, .. last];
}

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverkan.Documents.Render;
using Samverkan.FollowUp;

namespace Samverkan.Documents.FollowUpReports;

/// <summary>
/// The follow-up report as a Word document with the agreements' styles and letterhead (<see cref="DocxParts"/>). Word
/// has no charts here: each chart's numbered caption stands above the table that holds the same figures, with a header
/// row Word repeats on every page.
/// </summary>
internal static class ReportDocxWriter
{
    public static byte[] Write(FollowUpReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            DocxParts.Start(document, footnotes: false);

            var body = new Body();
            foreach (var block in ReportFlow.From(report))
            {
                switch (block)
                {
                    case ReportHeading h:
                        body.Append(Styled(h.Level switch { 1 => "Title", 2 => "Heading1", 3 => "Heading2", _ => "Heading3" }, h.Text));
                        break;
                    case ReportText t:
                        body.Append(Text(t));
                        break;
                    case ReportTable t:
                        body.Append(Table(t));
                        break;
                    case ReportChart c:
                        var caption = Styled("Detail", $"Tabell {c.Number}. {c.Caption}");
                        caption.ParagraphProperties!.Append(new KeepNext());
                        body.Append(caption);
                        break;
                }
            }

            var municipality = report.Scope == ReportScopes.Municipality ? new[] { report.Subject.Name } : [];
            DocxParts.Complete(document, body,
                DocxParts.Header(report.Region.Name, "UPPFÖLJNING", firstPage: true, [$"År: {report.Year}"], municipality),
                DocxParts.Header(report.Region.Name, "UPPFÖLJNING", firstPage: false, [$"År: {report.Year}"], municipality),
                new Footer(Styled("Footer", $"Uppföljningsrapport {report.Year} · {report.Subject.Name} · utskriven {PdfPageFlow.Date(report.GeneratedAt)} ur Samverkan")),
                report.Title, report.Region.Name, $"Uppföljningsrapport {report.Year}, {report.Subject.Name}", report.GeneratedAt);
        }
        return stream.ToArray();
    }

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), DocxParts.TextRun(text));

    private static Paragraph Text(ReportText t)
    {
        switch (t.Kind)
        {
            case FlowText.Bullet:
            case FlowText.Sub:
                return new Paragraph(
                    new ParagraphProperties(
                        new ParagraphStyleId { Val = "ListBullet" },
                        new NumberingProperties(new NumberingLevelReference { Val = t.Kind == FlowText.Sub ? 1 : 0 },
                            new NumberingId { Val = DocxParts.BulletNumberingId })),
                    DocxParts.TextRun(t.Text));
            case FlowText.Numbered:
                // The number is the report's own (it restarts per agreement), so it is written out with a hanging indent.
                return new Paragraph(
                    new ParagraphProperties(new KeepNext(), new Indentation { Left = "360", Hanging = "360" }, new SpacingBetweenLines { After = "60" }),
                    DocxParts.TextRun($"{t.Label}\t{t.Text}"));
            case FlowText.Detail:
                return Styled("Detail", t.Text);
            default:
                return Styled("Normal", t.Text);
        }
    }

    private static Table Table(ReportTable t)
    {
        var shares = t.Columns.Sum(c => c.Share);
        var widths = t.Columns.Select(c => (int)(DocxParts.TextWidth * c.Share / shares)).ToList();
        string W(int i) => widths[i].ToString(CultureInfo.InvariantCulture);
        var border = new Func<BorderType, BorderType>(b =>
        {
            b.Val = BorderValues.Single;
            b.Size = 4;
            b.Color = DocxParts.RuleColor;
            return b;
        });
        var table = new Table(new TableProperties(
            new TableWidth { Width = DocxParts.TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                border(new TopBorder()), border(new BottomBorder()), border(new InsideHorizontalBorder()),
                new LeftBorder { Val = BorderValues.Nil }, new RightBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select((_, i) => new GridColumn { Width = W(i) })));

        TableRow Row(IReadOnlyList<string> cells, bool header)
        {
            var row = new TableRow();
            if (header) row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
            else row.Append(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < cells.Count; i++)
            {
                var properties = new ParagraphProperties(new ParagraphStyleId { Val = "Detail" }, new SpacingBetweenLines { After = "0" });
                if (t.Columns[i].AlignRight) properties.Append(new Justification { Val = JustificationValues.Right });
                var paragraph = new Paragraph(properties);
                // A narrow column's heading may break where the text has a soft hyphen, which Word writes as an element of its own.
                var parts = cells[i].Split('\u00AD');
                for (var p = 0; p < parts.Length; p++)
                {
                    if (p > 0) paragraph.Append(new Run(new SoftHyphen()));
                    paragraph.Append(header || i == 0 ? DocxParts.TextRun(parts[p], new RunProperties(new Bold())) : DocxParts.TextRun(parts[p]));
                }
                row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = W(i), Type = TableWidthUnitValues.Dxa }), paragraph));
            }
            return row;
        }

        table.Append(Row(t.Columns.Select(c => c.Heading).ToList(), header: true));
        foreach (var row in t.Rows) table.Append(Row(row, header: false));
        return table;
    }
}

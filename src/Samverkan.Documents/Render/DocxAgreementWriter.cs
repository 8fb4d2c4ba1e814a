using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Samverkan.Documents.Render;

/// <summary>
/// Writes the agreement as a Word document with real styles (so headings show in Word's navigation
/// and outline), real list numbering, real footnotes and fields for "page (total)". Word does the
/// layout; the sizes mirror the PDF so both look like the same letter.
/// </summary>
internal static class DocxAgreementWriter
{

    private const int TextWidth = DocxParts.TextWidth;
    private const int SignatureWidth = 4600;
    private const string RuleColor = DocxParts.RuleColor;

    private const int BulletNumberingId = DocxParts.BulletNumberingId;

    public static byte[] Write(AgreementDocumentModel model)
    {
        var flow = DocumentFlow.From(model);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = DocxParts.Start(document, footnotes: true);
            var footnotes = new Footnotes(
                new Footnote(SeparatorParagraph(new SeparatorMark())) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(SeparatorParagraph(new ContinuationSeparatorMark())) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            main.AddNewPart<FootnotesPart>().Footnotes = footnotes;

            var body = new Body();
            for (var i = 0; i < flow.Blocks.Count; i++)
            {
                var previous = i > 0 ? flow.Blocks[i - 1] : null;
                switch (flow.Blocks[i])
                {
                    case HeadingBlock heading:
                        body.Append(HeadingParagraph(heading));
                        break;
                    case TextBlock text:
                        // The version-control lines are read as one record and kept on one page.
                        var keepWithNext = text.Kind == TextKind.Detail && i + 1 < flow.Blocks.Count && flow.Blocks[i + 1] is TextBlock { Kind: TextKind.Detail };
                        body.Append(TextParagraph(text, footnotes, keepWithNext));
                        break;
                    case SignatureBlock signature:
                        body.Append(SignatureParagraphs(signature, first: previous is not SignatureBlock));
                        break;
                }
            }

            DocxParts.Complete(document, body, Header(model, flow, firstPage: true), Header(model, flow, firstPage: false), Footer(flow),
                model.Content.Title, model.IssuingParty.Name, flow.Subject, model.CreatedAt);
        }
        return stream.ToArray();
    }

    // ---- Body -----------------------------------------------------------------------------------

    private static Paragraph HeadingParagraph(HeadingBlock heading)
    {
        var style = heading.Level switch
        {
            1 => "Title",
            2 => "Heading1",
            3 => "Heading2",
            _ => "Heading3",
        };
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (heading.StartsClosingBlock)
            properties.Append(new SpacingBetweenLines { Before = "560" });
        return new Paragraph(properties, DocxParts.TextRun(heading.Text));
    }

    private static Paragraph TextParagraph(TextBlock block, Footnotes footnotes, bool keepWithNext)
    {
        var properties = new ParagraphProperties();
        switch (block.Kind)
        {
            case TextKind.Bullet:
                properties.Append(
                    new ParagraphStyleId { Val = "ListBullet" },
                    new NumberingProperties(new NumberingLevelReference { Val = Math.Min(block.Depth, 2) }, new NumberingId { Val = BulletNumberingId }));
                break;
            case TextKind.Detail:
                properties.Append(new ParagraphStyleId { Val = "Detail" });
                if (keepWithNext)
                    properties.Append(new KeepNext(), new KeepLines());
                break;
        }
        var paragraph = new Paragraph(properties);
        var lines = block.Text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                paragraph.Append(new Run(new Break()));
            paragraph.Append(DocxParts.TextRun(lines[i]));
        }
        for (var i = 0; i < block.Footnotes.Count; i++)
        {
            var note = block.Footnotes[i];
            if (i > 0)
                paragraph.Append(new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new Text(",")));
            paragraph.Append(new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = note.Number }));
            footnotes.Append(new Footnote(
                new Paragraph(
                    new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
                    new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()),
                    DocxParts.TextRun(" " + note.Text)))
            { Id = note.Number });
        }
        return paragraph;
    }

    /// <summary>Every paragraph but the last keeps with the next, so Word never splits a signature block.</summary>
    private static IEnumerable<Paragraph> SignatureParagraphs(SignatureBlock signature, bool first)
    {
        static ParagraphProperties Kept(string? style = null, string? before = null, string? after = null, bool rule = false)
        {
            var properties = new ParagraphProperties();
            if (style is not null)
                properties.Append(new ParagraphStyleId { Val = style });
            properties.Append(new KeepNext(), new KeepLines());
            if (rule)
                properties.Append(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 1, Color = RuleColor }));
            properties.Append(new SpacingBetweenLines { Before = before ?? "0", After = after ?? "0" });
            if (rule)
                properties.Append(new Indentation { Right = (TextWidth - SignatureWidth).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return properties;
        }

        yield return new Paragraph(Kept(before: first ? "720" : "480", rule: true), DocxParts.TextRun(signature.PlaceAndDate ?? ""));
        yield return new Paragraph(Kept("SignatureLabel", after: "0"), DocxParts.TextRun(DocumentLabels.PlaceAndDate));
        yield return new Paragraph(Kept(before: "600", rule: true));
        yield return new Paragraph(Kept(before: "60"), DocxParts.TextRun(signature.Name));
        if (signature.Role is not null)
            yield return new Paragraph(Kept("Detail", after: "0"), DocxParts.TextRun(signature.Role));
        var last = new ParagraphProperties(new ParagraphStyleId { Val = "Detail" }, new SpacingBetweenLines { Before = "0", After = "240" });
        yield return new Paragraph(last, DocxParts.TextRun(signature.PartyName));
    }

    private static Paragraph SeparatorParagraph(OpenXmlElement mark) =>
        new(new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }), new Run(mark));

    // ---- Header and footer ----------------------------------------------------------------------

    private static Header Header(AgreementDocumentModel model, DocumentFlow flow, bool firstPage) =>
        DocxParts.Header(model.IssuingParty.Name, flow.KindHeading, firstPage,
            flow.Date is null ? [] : [$"{DocumentLabels.DateLabel} {flow.Date}"],
            flow.Reference is null ? [] : [$"{DocumentLabels.ReferenceLabel} {flow.Reference}"]);

    private static Footer Footer(DocumentFlow flow)
    {
        const int columns = 4;
        var width = (TextWidth / columns).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var row = new TableRow();
        for (var i = 0; i < columns; i++)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width, Type = TableWidthUnitValues.Dxa }));
            if (i < flow.Footer.Count)
            {
                var column = flow.Footer[i];
                cell.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }), DocxParts.TextRun(column.Label, new RunProperties(new Bold()))));
                cell.Append(column.Lines.Select(line => new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }), DocxParts.TextRun(line))));
            }
            else
            {
                cell.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" })));
            }
            row.Append(cell);
        }
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor },
                    new LeftBorder { Val = BorderValues.Nil },
                    new BottomBorder { Val = BorderValues.Nil },
                    new RightBorder { Val = BorderValues.Nil },
                    new InsideHorizontalBorder { Val = BorderValues.Nil },
                    new InsideVerticalBorder { Val = BorderValues.Nil }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "100", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 113, Type = TableWidthValues.Dxa })),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = width })),
            row);
        // Word requires a paragraph after a table at the end of a story.
        return new Footer(table, new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new SpacingBetweenLines { After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact })));
    }
}

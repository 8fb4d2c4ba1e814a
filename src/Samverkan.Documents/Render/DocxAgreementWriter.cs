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
    private const string FontName = AgreementFontResolver.FamilyName;
    private const string Language = "sv-SE";

    // Twentieths of a point. A4 with 25 mm left and 20 mm right margins, like the PDF.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginLeft = 1418;
    private const int MarginRight = 1134;
    private const int TextWidth = PageWidth - MarginLeft - MarginRight;
    private const int HeaderColumn = 5380;
    private const int SignatureWidth = 4600;
    private const string RuleColor = "5A5A5A";

    private const int BulletNumberingId = 1;

    public static byte[] Write(AgreementDocumentModel model)
    {
        var flow = DocumentFlow.From(model);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
            main.AddNewPart<FontTablePart>().Fonts = FontTable();
            main.AddNewPart<DocumentSettingsPart>().Settings = Settings();
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

            var firstHeader = main.AddNewPart<HeaderPart>();
            firstHeader.Header = Header(model, flow, firstPage: true);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = Header(model, flow, firstPage: false);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = Footer(flow);

            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(footer) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = 2155, Right = MarginRight, Bottom = 2155, Left = MarginLeft, Header = 709, Footer = 567, Gutter = 0 },
                new TitlePage()));
            main.Document = new Document(body);

            var properties = document.PackageProperties;
            properties.Title = model.Content.Title;
            properties.Creator = model.IssuingParty.Name;
            properties.Subject = flow.Subject;
            properties.Language = Language;
            properties.Created = model.CreatedAt;
            properties.Modified = model.CreatedAt;
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
        return new Paragraph(properties, TextRun(heading.Text));
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
            paragraph.Append(TextRun(lines[i]));
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
                    TextRun(" " + note.Text)))
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

        yield return new Paragraph(Kept(before: first ? "720" : "480", rule: true), TextRun(signature.PlaceAndDate ?? ""));
        yield return new Paragraph(Kept("SignatureLabel", after: "0"), TextRun(DocumentLabels.PlaceAndDate));
        yield return new Paragraph(Kept(before: "600", rule: true));
        yield return new Paragraph(Kept(before: "60"), TextRun(signature.Name));
        if (signature.Role is not null)
            yield return new Paragraph(Kept("Detail", after: "0"), TextRun(signature.Role));
        var last = new ParagraphProperties(new ParagraphStyleId { Val = "Detail" }, new SpacingBetweenLines { Before = "0", After = "240" });
        yield return new Paragraph(last, TextRun(signature.PartyName));
    }

    private static Run TextRun(string text, RunProperties? properties = null)
    {
        var run = new Run();
        if (properties is not null)
            run.Append(properties);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Paragraph SeparatorParagraph(OpenXmlElement mark) =>
        new(new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }), new Run(mark));

    // ---- Header and footer ----------------------------------------------------------------------

    private static Header Header(AgreementDocumentModel model, DocumentFlow flow, bool firstPage)
    {
        static ParagraphProperties Tabbed() => new(
            new ParagraphStyleId { Val = "Header" },
            new Tabs(
                new TabStop { Val = TabStopValues.Left, Position = HeaderColumn },
                new TabStop { Val = TabStopValues.Right, Position = TextWidth }));

        var first = new Paragraph(Tabbed());
        if (firstPage)
            first.Append(TextRun(model.IssuingParty.Name, new RunProperties(new Bold(), new FontSize { Val = "24" })));
        first.Append(
            new Run(new TabChar()),
            TextRun(flow.KindHeading, new RunProperties(new Bold(), new FontSize { Val = firstPage ? "26" : "22" })),
            new Run(new TabChar()),
            Field("PAGE", "1"),
            TextRun(" ("),
            Field("NUMPAGES", "1"),
            TextRun(")"));
        var header = new Header(first);
        if (flow.Date is not null)
            header.Append(new Paragraph(Tabbed(), new Run(new TabChar()), TextRun($"{DocumentLabels.DateLabel} {flow.Date}")));
        if (firstPage && flow.Reference is not null)
            header.Append(new Paragraph(Tabbed(), new Run(new TabChar()), TextRun($"{DocumentLabels.ReferenceLabel} {flow.Reference}")));
        return header;
    }

    private static SimpleField Field(string instruction, string placeholder) =>
        new(TextRun(placeholder)) { Instruction = $" {instruction} " };

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
                cell.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }), TextRun(column.Label, new RunProperties(new Bold()))));
                cell.Append(column.Lines.Select(line => new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }), TextRun(line))));
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

    // ---- Styles, numbering, fonts, settings -----------------------------------------------------

    private static Styles Styles()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                    new FontSize { Val = "21" },
                    new FontSizeComplexScript { Val = "21" },
                    new Languages { Val = Language, EastAsia = Language, Bidi = Language })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "140", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(ParagraphStyle("Normal", "Normal", isDefault: true));
        styles.Append(ParagraphStyle("Title", "Title", next: "Normal", keepNext: true, bold: true, size: 32, before: 0, after: 240));
        styles.Append(ParagraphStyle("Heading1", "heading 1", next: "Normal", keepNext: true, bold: true, size: 25, before: 240, after: 100, outline: 0));
        styles.Append(ParagraphStyle("Heading2", "heading 2", next: "Normal", keepNext: true, bold: true, size: 22, before: 180, after: 80, outline: 1));
        styles.Append(ParagraphStyle("Heading3", "heading 3", next: "Normal", keepNext: true, bold: true, italic: true, size: 21, before: 140, after: 60, outline: 2));
        styles.Append(ParagraphStyle("ListBullet", "List Bullet", after: 80));
        styles.Append(ParagraphStyle("Detail", "Samverkan Detail", size: 18, after: 100));
        styles.Append(ParagraphStyle("SignatureLabel", "Samverkan Signature Label", size: 16, color: RuleColor));
        styles.Append(ParagraphStyle("FootnoteText", "footnote text", size: 16, after: 40, line: 240));
        styles.Append(ParagraphStyle("Header", "header", size: 18, after: 0, line: 240));
        styles.Append(ParagraphStyle("Footer", "footer", size: 15, after: 0, line: 220));
        styles.Append(new Style(
            new StyleName { Val = "footnote reference" },
            new UIPriority { Val = 99 },
            new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }))
        { Type = StyleValues.Character, StyleId = "FootnoteReference" });
        return styles;
    }

    private static Style ParagraphStyle(
        string id, string name, bool isDefault = false, string? next = null, bool keepNext = false, bool bold = false, bool italic = false,
        int? size = null, int? before = null, int? after = null, int? line = null, int? outline = null, string? color = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
            style.Default = true;
        else
            style.Append(new BasedOn { Val = "Normal" });
        if (next is not null)
            style.Append(new NextParagraphStyle { Val = next });
        style.Append(new PrimaryStyle());

        var paragraph = new StyleParagraphProperties();
        if (keepNext)
            paragraph.Append(new KeepNext(), new KeepLines());
        if (before is not null || after is not null || line is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (before is not null) spacing.Before = before.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (after is not null) spacing.After = after.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (line is not null)
            {
                spacing.Line = line.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                spacing.LineRule = LineSpacingRuleValues.Auto;
            }
            paragraph.Append(spacing);
        }
        if (outline is not null)
            paragraph.Append(new OutlineLevel { Val = outline.Value });
        if (paragraph.HasChildren)
            style.Append(paragraph);

        var run = new StyleRunProperties();
        if (bold) run.Append(new Bold(), new BoldComplexScript());
        if (italic) run.Append(new Italic(), new ItalicComplexScript());
        if (color is not null) run.Append(new Color { Val = color });
        if (size is not null)
        {
            var half = size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            run.Append(new FontSize { Val = half }, new FontSizeComplexScript { Val = half });
        }
        if (run.HasChildren)
            style.Append(run);
        return style;
    }

    private static Numbering Numbering()
    {
        static Level Bullet(int level, string symbol) => new(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = NumberFormatValues.Bullet },
            new LevelText { Val = symbol },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = (360 * (level + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }),
            new NumberingSymbolRunProperties(new RunFonts { Ascii = FontName, HighAnsi = FontName, Hint = FontTypeHintValues.Default }))
        { LevelIndex = level };

        return new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.HybridMultilevel },
                Bullet(0, "–"),
                Bullet(1, "•"),
                Bullet(2, "◦"))
            { AbstractNumberId = 0 },
            new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = BulletNumberingId });
    }

    /// <summary>
    /// Word does not embed the font. The font table tells Word and LibreOffice what to substitute
    /// where DejaVu Sans is missing: Verdana (the design DejaVu grew from), else any sans serif.
    /// </summary>
    private static Fonts FontTable() => new(
        new Font(
            new AltName { Val = "Verdana" },
            new FontCharSet { Val = "00" },
            new FontFamily { Val = FontFamilyValues.Swiss },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = FontName });

    private static Settings Settings() => new(
        new DefaultTabStop { Val = 709 },
        new FootnoteDocumentWideProperties(
            new FootnoteSpecialReference { Id = -1 },
            new FootnoteSpecialReference { Id = 0 }),
        new ThemeFontLanguages { Val = Language });
}

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Samverkan.Documents.Render;

/// <summary>
/// The Word building blocks every Samverkan document shares: styles (so headings show in Word's navigation), bullet
/// numbering, the font table, settings, page size and margins, and the letterhead with "page (total)" fields.
/// </summary>
internal static class DocxParts
{
    public const string FontName = AgreementFontResolver.FamilyName;
    public const string Language = "sv-SE";

    // Twentieths of a point. A4 with 25 mm left and 20 mm right margins, like the PDF.
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginLeft = 1418;
    public const int MarginRight = 1134;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;
    public const int HeaderColumn = 5380;
    public const string RuleColor = "5A5A5A";
    public const int BulletNumberingId = 1;

    /// <summary>The main part with the shared styles, bullet numbering, font table and settings.</summary>
    public static MainDocumentPart Start(WordprocessingDocument document, bool footnotes)
    {
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
        main.AddNewPart<FontTablePart>().Fonts = FontTable();
        main.AddNewPart<DocumentSettingsPart>().Settings = Settings(footnotes);
        return main;
    }

    /// <summary>
    /// Finishes a document: the first page's header and the following pages' (<see cref="Header"/>), one footer for all,
    /// A4 with the shared margins, the body, and the package's title, author, subject, language and dates.
    /// </summary>
    public static void Complete(
        WordprocessingDocument document, Body body, Header firstPageHeader, Header header, Footer footer, string title, string creator, string subject,
        DateTime at)
    {
        var main = document.MainDocumentPart!;
        var firstPart = main.AddNewPart<HeaderPart>();
        firstPart.Header = firstPageHeader;
        var headerPart = main.AddNewPart<HeaderPart>();
        headerPart.Header = header;
        var footerPart = main.AddNewPart<FooterPart>();
        footerPart.Footer = footer;
        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstPart) },
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(headerPart) },
            new FooterReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(footerPart) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = 2155, Right = MarginRight, Bottom = 2155, Left = MarginLeft, Header = 709, Footer = 567, Gutter = 0 },
            new TitlePage()));
        main.Document = new Document(body);

        var properties = document.PackageProperties;
        properties.Title = title;
        properties.Creator = creator;
        properties.Subject = subject;
        properties.Language = Language;
        properties.Created = at;
        properties.Modified = at;
    }

    public static Run TextRun(string text, RunProperties? properties = null)
    {
        var run = new Run();
        if (properties is not null)
            run.Append(properties);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    public static SimpleField Field(string instruction, string placeholder) =>
        new(TextRun(placeholder)) { Instruction = $" {instruction} " };

    /// <summary>
    /// The letterhead: the issuer (first page), the document's kind and "page (total)" on the first line, then
    /// <paramref name="lines"/> under the kind (<paramref name="firstPageLines"/> only on the first page).
    /// </summary>
    public static Header Header(string issuer, string kind, bool firstPage, IEnumerable<string> lines, IEnumerable<string> firstPageLines)
    {
        static ParagraphProperties Tabbed() => new(
            new ParagraphStyleId { Val = "Header" },
            new Tabs(
                new TabStop { Val = TabStopValues.Left, Position = HeaderColumn },
                new TabStop { Val = TabStopValues.Right, Position = TextWidth }));

        var first = new Paragraph(Tabbed());
        if (firstPage)
            first.Append(TextRun(issuer, new RunProperties(new Bold(), new FontSize { Val = "24" })));
        first.Append(
            new Run(new TabChar()),
            TextRun(kind, new RunProperties(new Bold(), new FontSize { Val = firstPage ? "26" : "22" })),
            new Run(new TabChar()),
            Field("PAGE", "1"),
            TextRun(" ("),
            Field("NUMPAGES", "1"),
            TextRun(")"));
        var header = new Header(first);
        foreach (var line in firstPage ? lines.Concat(firstPageLines) : lines)
            header.Append(new Paragraph(Tabbed(), new Run(new TabChar()), TextRun(line)));
        return header;
    }

    // ---- Styles, numbering, fonts, settings -----------------------------------------------------

    public static Styles Styles()
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

    public static Style ParagraphStyle(
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
            if (before is not null) spacing.Before = before.Value.ToString(CultureInfo.InvariantCulture);
            if (after is not null) spacing.After = after.Value.ToString(CultureInfo.InvariantCulture);
            if (line is not null)
            {
                spacing.Line = line.Value.ToString(CultureInfo.InvariantCulture);
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
            var half = size.Value.ToString(CultureInfo.InvariantCulture);
            run.Append(new FontSize { Val = half }, new FontSizeComplexScript { Val = half });
        }
        if (run.HasChildren)
            style.Append(run);
        return style;
    }

    public static Numbering Numbering()
    {
        static Level Bullet(int level, string symbol) => new(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = NumberFormatValues.Bullet },
            new LevelText { Val = symbol },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = (360 * (level + 1)).ToString(CultureInfo.InvariantCulture), Hanging = "360" }),
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
    public static Fonts FontTable() => new(
        new Font(
            new AltName { Val = "Verdana" },
            new FontCharSet { Val = "00" },
            new FontFamily { Val = FontFamilyValues.Swiss },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = FontName });

    /// <summary>Document settings; <paramref name="footnotes"/> names the separator footnotes, which then must exist in the footnotes part.</summary>
    public static Settings Settings(bool footnotes = true)
    {
        var settings = new Settings(new DefaultTabStop { Val = 709 });
        if (footnotes)
            settings.Append(new FootnoteDocumentWideProperties(
                new FootnoteSpecialReference { Id = -1 },
                new FootnoteSpecialReference { Id = 0 }));
        settings.Append(new ThemeFontLanguages { Val = Language });
        return settings;
    }
}

using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Samverkan.Dialogue;
using Samverkan.Documents.Render;

namespace Samverkan.Documents.Dialogue;

/// <summary>
/// The minutes of a dialogue meeting on A4, laid out by hand as the agreement documents are (same embedded font, same
/// header with "page (total)", tagged headings, paragraphs and lists): first every line is placed, then drawn.
/// </summary>
internal sealed class MinutesPdfWriter
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Left = 70.9;
    private const double Right = PageWidth - 56.7;
    private const double TextWidth = Right - Left;
    private const double HeaderColumn = 340;
    private const double Top = 112;
    private const double Bottom = PageHeight - 60;
    private const double Indent = 18;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XFont Body = Font(10.5);
    private static readonly XFont Small = Font(9);
    private static readonly XFont Title = Font(16, XFontStyleEx.Bold);
    private static readonly XFont Heading2 = Font(12.5, XFontStyleEx.Bold);
    private static readonly XFont Heading3 = Font(11, XFontStyleEx.Bold);
    private static readonly XFont HeaderKind = Font(13, XFontStyleEx.Bold);
    private static readonly XFont HeaderIssuer = Font(12, XFontStyleEx.Bold);
    private static readonly XFont HeaderText = Font(9);
    private static readonly XBrush Ink = XBrushes.Black;
    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(80, 80, 80));
    private static readonly XPen RulePen = new(XColor.FromArgb(90, 90, 90), 0.5);

    private readonly DialogueMeetingView meeting;
    private readonly DateTime renderedAt;
    private readonly XGraphics measure;
    private readonly List<List<Fragment>> pages = [];
    private List<Fragment> page = null!;
    private double y;

    private MinutesPdfWriter(DialogueMeetingView meeting, DateTime renderedAt, XGraphics measure)
    {
        this.meeting = meeting;
        this.renderedAt = renderedAt;
        this.measure = measure;
    }

    public static byte[] Write(DialogueMeetingView meeting, DateTime renderedAt)
    {
        AgreementFontResolver.EnsureInstalled();
        using var measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        var writer = new MinutesPdfWriter(meeting, renderedAt, measure);
        writer.Layout();
        return writer.Draw();
    }

    private static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular)
    {
        AgreementFontResolver.EnsureInstalled();
        return new(AgreementFontResolver.FamilyName, size, style, Unicode);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---- Layout ---------------------------------------------------------------------------------

    private void Layout()
    {
        NewPage();
        var m = meeting;
        Heading(1, m.Title);
        Text(Kind.Detail, $"{m.KindName} · {Date(m.Date)}{(m.Place is null ? "" : " · " + m.Place)}");
        Text(Kind.Detail, Status());
        Space(6);

        Heading(2, "Deltagare");
        if (m.Organizations.Count > 0)
            Text(Kind.Paragraph, "Organisationer: " + string.Join(", ", m.Organizations.Select(o => o.Name)) + ".");
        foreach (var p in m.People)
            Text(Kind.Bullet, string.Join(", ", new[] { p.Name, p.Role, p.Organization?.Name }.OfType<string>()));
        if (m.People.Count == 0 && m.Organizations.Count == 0) Text(Kind.Paragraph, "Inga deltagare antecknade.");

        Heading(2, "Dagordning");
        if (m.Agenda.Count == 0) Text(Kind.Paragraph, "Ingen dagordning antecknad.");
        foreach (var item in m.Agenda)
        {
            Heading(3, $"§ {item.Number}. {item.Title}");
            if (item.Notes is not null) Paragraphs(item.Notes);
        }

        if (m.Notes is not null)
        {
            Heading(2, "Övriga anteckningar");
            Paragraphs(m.Notes);
        }

        Heading(2, "Beslut");
        if (m.Decisions.Count == 0) Text(Kind.Paragraph, "Mötet fattade inga beslut.");
        foreach (var d in m.Decisions)
        {
            Text(Kind.Numbered, d.Text, $"{d.Number}.");
            foreach (var c in d.Commitments)
                Text(Kind.Sub, $"Åtagande: {c.Text}{(c.AgreementTitle.Length > 0 ? $" ({c.AgreementTitle})" : "")}");
            foreach (var g in d.Goals)
                Text(Kind.Sub, $"Mål: {g.Title}{(g.PlanTitle.Length > 0 ? $" ({g.PlanTitle})" : "")}");
        }

        if (m.Revisions.Count > 0)
        {
            Heading(2, "Justering och revisioner");
            foreach (var r in m.Revisions)
            {
                var what = r.Kind == DialogueMeetingRevision.RevisionKinds.Approved ? "justerat" : "ändrat efter justering";
                Text(Kind.Detail, $"Revision {r.Number}: {what} {Date(r.At)} av {r.By}{(r.Note is null ? "." : $". Skäl: {r.Note}")}");
            }
        }
    }

    private string Status()
    {
        var m = meeting;
        if (m.Status != MinutesStatuses.Approved) return "Utkast – protokollet är inte justerat.";
        var shown = m.ShownRevision ?? m.Revision;
        var text = $"Justerat {(m.ApprovedAt is { } at ? Date(at) : "")} av {m.ApprovedBy}. Revision {shown}";
        return shown < m.Revision ? $"{text} av {m.Revision} (en senare revision finns)." : text + ".";
    }

    private void NewPage()
    {
        page = [];
        pages.Add(page);
        y = Top;
    }

    private void Space(double points)
    {
        if (page.Count > 0) y += points;
    }

    private void EnsureRoom(double height)
    {
        if (y + height > Bottom && page.Count > 0) NewPage();
    }

    private void Heading(int level, string text)
    {
        var (font, lineHeight, before, after) = level switch
        {
            1 => (Title, 20.0, 0.0, 8.0),
            2 => (Heading2, 16.0, 12.0, 4.0),
            _ => (Heading3, 14.5, 7.0, 2.0),
        };
        var lines = Wrap(text, font, TextWidth);
        Space(before);
        // A heading keeps the first two lines of what follows with it.
        EnsureRoom(lines.Count * lineHeight + after + 2 * 14.5);
        var fragment = new Fragment(level switch { 1 => Tag.H1, 2 => Tag.H2, _ => Tag.H3 });
        page.Add(fragment);
        foreach (var line in lines)
        {
            fragment.Runs.Add(new Run(line, font, Left, y + lineHeight * 0.74));
            y += lineHeight;
        }
        y += after;
    }

    private void Paragraphs(string text)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            Text(Kind.Paragraph, paragraph.Trim());
    }

    private void Text(Kind kind, string text, string? label = null)
    {
        var font = kind == Kind.Detail ? Small : Body;
        var lineHeight = kind == Kind.Detail ? 12.5 : 14.5;
        var indent = kind switch { Kind.Bullet or Kind.Numbered => Indent, Kind.Sub => 2 * Indent, _ => 0 };
        var lines = Wrap(Clean(text), font, TextWidth - indent);
        EnsureRoom(Math.Min(2, lines.Count) * lineHeight);
        Fragment? fragment = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (y + lineHeight > Bottom && page.Count > 0)
            {
                NewPage();
                fragment = null;
            }
            var baseline = y + lineHeight * 0.74;
            if (fragment is null)
            {
                var listed = kind is Kind.Bullet or Kind.Numbered or Kind.Sub;
                fragment = new Fragment(listed ? (i == 0 ? Tag.ListItem : Tag.ListItemContinued) : Tag.Paragraph);
                page.Add(fragment);
                if (listed && i == 0)
                    fragment.Label.Add(new Run(label ?? (kind == Kind.Sub ? "•" : "–"), font, Left + indent - Indent + 2, baseline));
            }
            fragment.Runs.Add(new Run(lines[i], font, Left + indent, baseline, kind == Kind.Detail ? Grey : null));
            y += lineHeight;
        }
        y += kind switch { Kind.Paragraph => 6, Kind.Detail => 2, _ => 3 };
    }

    /// <summary>Text from people: tabs and control characters have no glyph and are dropped.</summary>
    private static string Clean(string text) =>
        new([.. text.Replace('\t', ' ').Replace("\r\n", "\n").Where(c => !char.IsControl(c) || c == '\n')]);

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (measure.MeasureString(candidate, font).Width <= width || current.Length == 0 && !TooWide(word, font, width))
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0) lines.Add(current);
                current = word;
                // A word wider than the line (a link, an id) is cut by characters rather than overflowing.
                while (TooWide(current, font, width) && current.Length > 1)
                {
                    var take = current.Length - 1;
                    while (take > 1 && TooWide(current[..take], font, width)) take--;
                    lines.Add(current[..take]);
                    current = current[take..];
                }
            }
            lines.Add(current);
        }
        return lines;
    }

    private bool TooWide(string text, XFont font, double width) => measure.MeasureString(text, font).Width > width;

    // ---- Drawing --------------------------------------------------------------------------------

    private byte[] Draw()
    {
        using var document = new PdfDocument();
        document.SetPdfA();
        var structure = UAManager.ForDocument(document);
        structure.SetDocumentLanguage("sv-SE");
        var builder = structure.StructureBuilder;
        document.Info.Title = meeting.Title;
        document.Info.Author = meeting.Region.Name;
        document.Info.Subject = $"Protokoll, {meeting.KindName.ToLower(CultureInfo.GetCultureInfo("sv-SE"))}, {Date(meeting.Date)}";
        document.Info.Creator = "Samverkan";
        document.Info.CreationDate = renderedAt;
        document.Info.ModificationDate = renderedAt;
        document.ViewerPreferences.DisplayDocTitle = true;

        for (var index = 0; index < pages.Count; index++)
        {
            var pdfPage = document.AddPage();
            pdfPage.Width = XUnit.FromPoint(PageWidth);
            pdfPage.Height = XUnit.FromPoint(PageHeight);
            using var gfx = XGraphics.FromPdfPage(pdfPage);
            builder.BeginArtifact();
            DrawHeader(gfx, index);
            DrawFooter(gfx);
            builder.End();
            DrawBody(gfx, builder, pages[index]);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private void DrawHeader(XGraphics gfx, int index)
    {
        var pageNumber = $"{index + 1} ({pages.Count})";
        if (index == 0) gfx.DrawString(meeting.Region.Name, HeaderIssuer, Ink, Left, 50);
        gfx.DrawString("PROTOKOLL", index == 0 ? HeaderKind : Heading3, Ink, HeaderColumn, 50);
        gfx.DrawString(pageNumber, HeaderText, Ink, Right - gfx.MeasureString(pageNumber, HeaderText).Width, 50);
        gfx.DrawString($"Mötesdatum: {Date(meeting.Date)}", HeaderText, Ink, HeaderColumn, 64);
        if (index == 0 && meeting.Municipality is { } municipality)
            gfx.DrawString(municipality.Name, HeaderText, Ink, HeaderColumn, 76);
    }

    private void DrawFooter(XGraphics gfx)
    {
        gfx.DrawLine(RulePen, Left, PageHeight - 44, Right, PageHeight - 44);
        var status = meeting.Status == MinutesStatuses.Approved ? $"Justerat protokoll, revision {meeting.ShownRevision ?? meeting.Revision}" : "Utkast, ej justerat";
        gfx.DrawString($"{status} · utskrivet {Date(renderedAt)} ur Samverkan", HeaderText, Grey, Left, PageHeight - 32);
    }

    private static void DrawBody(XGraphics gfx, StructureBuilder builder, List<Fragment> fragments)
    {
        var inList = false;
        foreach (var fragment in fragments)
        {
            var isListItem = fragment.Tag is Tag.ListItem or Tag.ListItemContinued;
            if (inList && !isListItem)
            {
                builder.End();
                inList = false;
            }
            if (isListItem)
            {
                if (!inList)
                {
                    builder.BeginElement(PdfBlockLevelElementTag.List);
                    inList = true;
                }
                builder.BeginElement(PdfBlockLevelElementTag.ListItem);
                if (fragment.Label.Count > 0)
                {
                    builder.BeginElement(PdfBlockLevelElementTag.Label);
                    DrawRuns(gfx, fragment.Label);
                    builder.End();
                }
                builder.BeginElement(PdfBlockLevelElementTag.ListBody);
                DrawRuns(gfx, fragment.Runs);
                builder.End();
                builder.End();
                continue;
            }
            builder.BeginElement(fragment.Tag switch
            {
                Tag.H1 => PdfBlockLevelElementTag.Heading1,
                Tag.H2 => PdfBlockLevelElementTag.Heading2,
                Tag.H3 => PdfBlockLevelElementTag.Heading3,
                _ => PdfBlockLevelElementTag.Paragraph,
            });
            DrawRuns(gfx, fragment.Runs);
            builder.End();
        }
        if (inList) builder.End();
    }

    private static void DrawRuns(XGraphics gfx, IEnumerable<Run> runs)
    {
        foreach (var run in runs) gfx.DrawString(run.Text, run.Font, run.Brush ?? Ink, run.X, run.Y);
    }

    private enum Kind
    {
        Paragraph,
        Bullet,
        Numbered,

        /// <summary>A line under a numbered decision: the commitment or goal it concerns.</summary>
        Sub,
        Detail,
    }

    private enum Tag
    {
        H1,
        H2,
        H3,
        Paragraph,
        ListItem,
        ListItemContinued,
    }

    private sealed record Run(string Text, XFont Font, double X, double Y, XBrush? Brush = null);

    private sealed class Fragment(Tag tag)
    {
        public Tag Tag { get; } = tag;
        public List<Run> Label { get; } = [];
        public List<Run> Runs { get; } = [];
    }
}

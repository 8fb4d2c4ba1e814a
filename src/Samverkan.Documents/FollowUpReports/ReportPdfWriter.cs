using System.Globalization;
using PdfSharp.Drawing;
using Samverkan.Documents.Render;
using Samverkan.FollowUp;

namespace Samverkan.Documents.FollowUpReports;

/// <summary>
/// The follow-up report as PDF: the blocks of <see cref="ReportFlow"/> laid out by <see cref="PdfPageFlow"/> (the
/// minutes' and agreements' type and letterhead), with the charts drawn as plain vector bars. A status is never told by
/// colour alone: every series has its own hatching as well, its name in the legend, and the counts in the table after.
/// </summary>
internal static class ReportPdfWriter
{
    private const double RowHeight = 17;
    private const double LabelLine = 11;
    private const double LabelShare = 0.34;
    private const double LegendHeight = 18;
    private const double AxisHeight = 16;
    private const double NoteWidth = 96;
    private const int MaxBars = 32;

    private static readonly XFont Label = PdfPageFlow.Small;
    private static readonly XFont Tick = Font(7.5);
    private static readonly XColor GridColor = XColor.FromArgb(200, 200, 200);
    private static readonly XColor BarColor = XColor.FromArgb(0x1F, 0x5F, 0xA8);

    /// <summary>Each status's colour (all at least 3:1 against white) and hatching, in <see cref="ReportStatuses.Order"/>.</summary>
    private static readonly (XColor Color, Hatch Hatch)[] Series =
    [
        (XColor.FromArgb(0x1E, 0x6B, 0x35), Hatch.None),
        (XColor.FromArgb(0x1F, 0x5F, 0xA8), Hatch.Diagonal),
        (XColor.FromArgb(0xA6, 0x5E, 0x00), Hatch.Horizontal),
        (XColor.FromArgb(0x8E, 0x2A, 0x2A), Hatch.Vertical),
        (XColor.FromArgb(0x5B, 0x4B, 0x8A), Hatch.Cross),
        (XColor.FromArgb(0x6B, 0x6B, 0x6B), Hatch.BackDiagonal),
    ];

    private static XFont Font(double size)
    {
        AgreementFontResolver.EnsureInstalled();
        return new(AgreementFontResolver.FamilyName, size, XFontStyleEx.Regular, new XPdfFontOptions(PdfSharp.Pdf.PdfFontEncoding.Unicode));
    }

    public static byte[] Write(FollowUpReport report)
    {
        using var flow = new PdfPageFlow();
        foreach (var block in ReportFlow.From(report))
        {
            switch (block)
            {
                case ReportHeading h:
                    flow.Heading(h.Level, h.Text);
                    break;
                case ReportText t:
                    flow.Text(t.Kind, t.Text, t.Label);
                    break;
                case ReportTable t:
                    flow.Table(t.Columns, t.Rows);
                    break;
                case ReportChart c:
                    var bars = c.Bars.Take(MaxBars).ToList();
                    // Labels too long for the column beside the bars go on a line of their own above each bar.
                    var above = bars.Any(b => flow.Width(b.Label, Label) > PdfPageFlow.TextWidth * LabelShare);
                    var height = bars.Count * (above ? RowHeight + LabelLine : RowHeight) + AxisHeight + (c.Stacked ? LegendHeight : 0) + 4;
                    flow.Figure($"Figur {c.Number}. {c.Caption}", c.AltText, height, (gfx, area) => DrawChart(gfx, area, c with { Bars = bars }, above));
                    if (c.Bars.Count > MaxBars)
                        flow.Text(FlowText.Detail, $"Diagrammet visar de {MaxBars} första av {c.Bars.Count}; tabellen har alla.");
                    break;
            }
        }
        var subject = $"Uppföljningsrapport {report.Year}, {report.Subject.Name}";
        return flow.Draw(report.Title, report.Region.Name, subject, report.GeneratedAt, (gfx, index, count) =>
        {
            PdfPageFlow.Letterhead(gfx, index, count, report.Region.Name, "UPPFÖLJNING", [$"År: {report.Year}"],
                report.Scope == ReportScopes.Municipality ? [report.Subject.Name] : []);
            PdfPageFlow.Footline(gfx, $"Uppföljningsrapport {report.Year} · {report.Subject.Name} · utskriven {PdfPageFlow.Date(report.GeneratedAt)} ur Samverkan");
        });
    }

    private static void DrawChart(XGraphics gfx, XRect area, ReportChart chart, bool labelsAbove)
    {
        var top = area.Top;
        if (chart.Stacked)
        {
            DrawLegend(gfx, area.Left, top + 4, chart.Series);
            top += LegendHeight;
        }
        var labelWidth = area.Width * LabelShare;
        var x0 = labelsAbove ? area.Left : area.Left + labelWidth + 6;
        var plotWidth = area.Right - NoteWidth - x0;
        var rowHeight = labelsAbove ? RowHeight + LabelLine : RowHeight;
        var max = chart.Stacked ? Math.Max(1, (double)chart.Bars.Max(b => b.Values.Sum(v => v ?? 0))) : 100;
        var ticks = chart.Stacked ? Ticks(max) : [0, 25, 50, 75, 100];
        max = Math.Max(max, ticks[^1]);
        var bottom = top + chart.Bars.Count * rowHeight;

        var grid = new XPen(GridColor, 0.4);
        foreach (var tick in ticks)
        {
            var x = x0 + plotWidth * tick / max;
            // With labels above the bars the lines run beside the bars only, so they do not cross the labels.
            if (labelsAbove)
                for (var i = 0; i < chart.Bars.Count; i++) gfx.DrawLine(grid, x, top + i * rowHeight + LabelLine, x, top + (i + 1) * rowHeight);
            else
                gfx.DrawLine(grid, x, top, x, bottom);
            var text = chart.Stacked ? tick.ToString(CultureInfo.InvariantCulture) : $"{tick} %";
            gfx.DrawString(text, Tick, PdfPageFlow.Grey, Math.Max(area.Left, x - gfx.MeasureString(text, Tick).Width / 2), bottom + 10);
        }

        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var rowTop = top + i * rowHeight;
            if (labelsAbove)
            {
                gfx.DrawString(Fit(gfx, bar.Label, area.Width), Label, PdfPageFlow.Ink, x0, rowTop + LabelLine - 2);
                rowTop += LabelLine;
            }
            else
            {
                var label = Fit(gfx, bar.Label, labelWidth);
                gfx.DrawString(label, Label, PdfPageFlow.Ink, x0 - 6 - gfx.MeasureString(label, Label).Width, rowTop + RowHeight * 0.68);
            }
            var x = x0;
            for (var s = 0; s < bar.Values.Count; s++)
            {
                if (bar.Values[s] is not { } value || value <= 0) continue;
                var width = plotWidth * (double)value / max;
                var (color, hatch) = chart.Stacked ? Series[s % Series.Length] : (BarColor, Hatch.None);
                DrawHatched(gfx, new XRect(x, rowTop + 3, width, RowHeight - 6), color, hatch);
                x += width;
            }
            gfx.DrawString(bar.Note, Label, PdfPageFlow.Ink, x + 4, rowTop + RowHeight * 0.68);
        }
        if (!labelsAbove) gfx.DrawLine(PdfPageFlow.RulePen, x0, top, x0, bottom);
    }

    private static void DrawLegend(XGraphics gfx, double left, double top, IReadOnlyList<string> series)
    {
        var x = left;
        for (var s = 0; s < series.Count; s++)
        {
            var (color, hatch) = Series[s % Series.Length];
            DrawHatched(gfx, new XRect(x, top, 14, 9), color, hatch);
            gfx.DrawString(series[s], Label, PdfPageFlow.Ink, x + 18, top + 8);
            x += 18 + gfx.MeasureString(series[s], Label).Width + 12;
        }
    }

    /// <summary>
    /// A filled bar with white hatching, so two neighbouring statuses differ in pattern as well as colour, and an outline
    /// in the colour, so the hatching does not thin the bar's edge against the white page.
    /// </summary>
    private static void DrawHatched(XGraphics gfx, XRect rect, XColor color, Hatch hatch)
    {
        gfx.DrawRectangle(new XSolidBrush(color), rect);
        if (hatch == Hatch.None || rect.Width < 1) return;
        Hatching(gfx, rect, hatch);
        gfx.DrawRectangle(new XPen(color, 0.8), rect);
    }

    private static void Hatching(XGraphics gfx, XRect rect, Hatch hatch)
    {
        var state = gfx.Save();
        gfx.IntersectClip(rect);
        var pen = new XPen(XColors.White, 1.1);
        const double step = 4;
        if (hatch is Hatch.Horizontal or Hatch.Cross)
            for (var y = rect.Top + step / 2; y < rect.Bottom; y += step) gfx.DrawLine(pen, rect.Left, y, rect.Right, y);
        if (hatch is Hatch.Vertical or Hatch.Cross)
            for (var x = rect.Left + step / 2; x < rect.Right; x += step) gfx.DrawLine(pen, x, rect.Top, x, rect.Bottom);
        if (hatch == Hatch.Diagonal)
            for (var x = rect.Left - rect.Height; x < rect.Right; x += step) gfx.DrawLine(pen, x, rect.Bottom, x + rect.Height, rect.Top);
        if (hatch == Hatch.BackDiagonal)
            for (var x = rect.Left - rect.Height; x < rect.Right; x += step) gfx.DrawLine(pen, x, rect.Top, x + rect.Height, rect.Bottom);
        gfx.Restore(state);
    }

    /// <summary>Whole-number ticks for counts: about five steps of 1, 2, 5, 10, 20, 50 …</summary>
    private static double[] Ticks(double max)
    {
        var step = 1.0;
        foreach (var candidate in new[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 })
        {
            step = candidate;
            if (max / candidate <= 6) break;
        }
        var count = (int)Math.Ceiling(max / step);
        return Enumerable.Range(0, count + 1).Select(i => i * step).ToArray();
    }

    /// <summary>A label cut with an ellipsis to the width; the table after the chart has it in full.</summary>
    private static string Fit(XGraphics gfx, string text, double width)
    {
        if (gfx.MeasureString(text, Label).Width <= width) return text;
        var cut = text;
        while (cut.Length > 1 && gfx.MeasureString(cut + "…", Label).Width > width) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }

    private enum Hatch
    {
        None,
        Diagonal,
        BackDiagonal,
        Horizontal,
        Vertical,
        Cross,
    }
}

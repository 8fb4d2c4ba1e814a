using System.Globalization;
using PdfSharp.Drawing;
using Samverkan.Dialogue;
using Samverkan.Documents.Render;

namespace Samverkan.Documents.Dialogue;

/// <summary>
/// The minutes of a dialogue meeting on A4, in the agreement documents' type and letterhead (<see cref="PdfPageFlow"/>):
/// tagged headings, paragraphs and lists.
/// </summary>
internal static class MinutesPdfWriter
{
    public static byte[] Write(DialogueMeetingView meeting, DateTime renderedAt)
    {
        using var flow = new PdfPageFlow();
        Layout(flow, meeting);
        var subject = $"Protokoll, {meeting.KindName.ToLower(CultureInfo.GetCultureInfo("sv-SE"))}, {Date(meeting.Date)}";
        return flow.Draw(meeting.Title, meeting.Region.Name, subject, renderedAt, (gfx, index, count) => Furniture(gfx, index, count, meeting, renderedAt));
    }

    private static string Date(DateOnly date) => PdfPageFlow.Date(date);

    private static string Date(DateTime at) => PdfPageFlow.Date(at);

    // ---- Layout ---------------------------------------------------------------------------------

    private static void Layout(PdfPageFlow flow, DialogueMeetingView m)
    {
        flow.Heading(1, m.Title);
        flow.Text(FlowText.Detail, $"{m.KindName} · {Date(m.Date)}{(m.Place is null ? "" : " · " + m.Place)}");
        flow.Text(FlowText.Detail, Status(m));
        flow.Space(6);

        flow.Heading(2, "Deltagare");
        if (m.Organizations.Count > 0)
            flow.Text(FlowText.Paragraph, "Organisationer: " + string.Join(", ", m.Organizations.Select(o => o.Name)) + ".");
        foreach (var p in m.People)
            flow.Text(FlowText.Bullet, string.Join(", ", new[] { p.Name, p.Role, p.Organization?.Name }.OfType<string>()));
        if (m.People.Count == 0 && m.Organizations.Count == 0) flow.Text(FlowText.Paragraph, "Inga deltagare antecknade.");

        flow.Heading(2, "Dagordning");
        if (m.Agenda.Count == 0) flow.Text(FlowText.Paragraph, "Ingen dagordning antecknad.");
        foreach (var item in m.Agenda)
        {
            flow.Heading(3, $"§ {item.Number}. {item.Title}");
            if (item.Notes is not null) flow.Paragraphs(item.Notes);
        }

        if (m.Notes is not null)
        {
            flow.Heading(2, "Övriga anteckningar");
            flow.Paragraphs(m.Notes);
        }

        flow.Heading(2, "Beslut");
        if (m.Decisions.Count == 0) flow.Text(FlowText.Paragraph, "Mötet fattade inga beslut.");
        foreach (var d in m.Decisions)
        {
            flow.Text(FlowText.Numbered, d.Text, $"{d.Number}.");
            foreach (var c in d.Commitments)
                flow.Text(FlowText.Sub, $"Åtagande: {c.Text}{(c.AgreementTitle.Length > 0 ? $" ({c.AgreementTitle})" : "")}");
            foreach (var g in d.Goals)
                flow.Text(FlowText.Sub, $"Mål: {g.Title}{(g.PlanTitle.Length > 0 ? $" ({g.PlanTitle})" : "")}");
        }

        if (m.Revisions.Count > 0)
        {
            flow.Heading(2, "Justering och revisioner");
            foreach (var r in m.Revisions)
            {
                var what = r.Kind == DialogueMeetingRevision.RevisionKinds.Approved ? "justerat" : "ändrat efter justering";
                flow.Text(FlowText.Detail, $"Revision {r.Number}: {what} {Date(r.At)} av {r.By}{(r.Note is null ? "." : $". Skäl: {r.Note}")}");
            }
        }
    }

    private static string Status(DialogueMeetingView m)
    {
        if (m.Status != MinutesStatuses.Approved) return "Utkast – protokollet är inte justerat.";
        var shown = m.ShownRevision ?? m.Revision;
        var text = $"Justerat {(m.ApprovedAt is { } at ? Date(at) : "")} av {m.ApprovedBy}. Revision {shown}";
        return shown < m.Revision ? $"{text} av {m.Revision} (en senare revision finns)." : text + ".";
    }

    private static void Furniture(XGraphics gfx, int index, int count, DialogueMeetingView meeting, DateTime renderedAt)
    {
        PdfPageFlow.Letterhead(gfx, index, count, meeting.Region.Name, "PROTOKOLL", [$"Mötesdatum: {Date(meeting.Date)}"],
            meeting.Municipality is { } municipality ? [municipality.Name] : []);
        var status = meeting.Status == MinutesStatuses.Approved ? $"Justerat protokoll, revision {meeting.ShownRevision ?? meeting.Revision}" : "Utkast, ej justerat";
        PdfPageFlow.Footline(gfx, $"{status} · utskrivet {Date(renderedAt)} ur Samverkan");
    }
}

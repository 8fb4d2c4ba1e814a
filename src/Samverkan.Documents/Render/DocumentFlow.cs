using System.Globalization;
using Samverkan.Agreements;

namespace Samverkan.Documents.Render;

/// <summary>
/// The agreement read as a sequence of printable blocks. PDF and DOCX are both written from this one
/// sequence so the two formats cannot drift apart in wording, order or footnote numbering.
/// </summary>
internal sealed record DocumentFlow(
    string KindHeading,
    string? Date,
    string? Reference,
    IReadOnlyList<FlowBlock> Blocks,
    IReadOnlyList<FooterColumn> Footer,
    string Subject)
{
    public static DocumentFlow From(AgreementDocumentModel model)
    {
        var content = Clean(model.Content);
        var partyNames = content.Parties.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var blocks = new List<FlowBlock> { new HeadingBlock(1, content.Title) };
        var footnoteNumber = 0;
        var listCommitments = ListsCommitments(content.Sections);

        void AddSection(Section section, int level)
        {
            if (section.Heading.Length > 0)
                blocks.Add(new HeadingBlock(level, section.Heading));
            foreach (var item in section.Items)
            {
                var footnotes = item.Footnotes.Select(text => new DocumentFootnote(++footnoteNumber, text)).ToList();
                var kind = item.Style == ItemStyles.Bullet ? TextKind.Bullet : TextKind.Paragraph;
                blocks.Add(new TextBlock(kind, 0, item.Text, footnotes));
                foreach (var commitment in listCommitments ? item.Commitments : [])
                    blocks.Add(new TextBlock(TextKind.Bullet, kind == TextKind.Bullet ? 1 : 0, CommitmentText(commitment, partyNames), []));
            }
            foreach (var child in section.Sections)
                AddSection(child, Math.Min(level + 1, 4));
        }

        foreach (var section in content.Sections)
            AddSection(section, 2);

        foreach (var line in content.Signatures)
            blocks.Add(new SignatureBlock(
                line.Place is null && line.Date is null ? null : Join(" ", line.Place, FormatDate(line.Date)),
                line.Name,
                line.Role,
                partyNames.GetValueOrDefault(line.Party, line.Party)));

        if (model.IsSigned)
            AddVersionControl(model, blocks);

        var heading = AgreementKinds.DocumentHeading(content.Kind);
        var subject = Join(", ", SentenceCase(heading), content.Reference, $"version {model.VersionNumber.ToString(CultureInfo.InvariantCulture)}")!;
        return new DocumentFlow(heading, FormatDate(content.Date), content.Reference, blocks, FooterColumns(model), subject);
    }

    /// <summary>
    /// The item's prose is the agreed wording, and a commitment imported from a document is a quote of it, so
    /// an agreement whose commitments are all such quotes prints none of them again. As soon as one commitment
    /// adds something — wording the prose lacks, or the indicator, target and due date the parties agreed on —
    /// every commitment is printed on its own line: a reader (and the importer, which then trusts these lines
    /// and looks for no others in the prose) sees them all, where printing only some would lose the rest.
    /// </summary>
    private static bool ListsCommitments(IEnumerable<Section> sections) =>
        sections.Any(s => s.Items.Any(item => item.Commitments.Any(c => ShowsSeparately(item, c))) || ListsCommitments(s.Sections));

    private static bool ShowsSeparately(Item item, Commitment commitment) =>
        commitment.Indicator is not null || commitment.Target is not null || commitment.Due is not null
        || !item.Text.Contains(commitment.Text.Trim(), StringComparison.Ordinal);

    private static string CommitmentText(Commitment commitment, IReadOnlyDictionary<string, string> partyNames)
    {
        var parties = commitment.Parties.Select(code => partyNames.GetValueOrDefault(code, code)).ToList();
        var who = parties.Count switch
        {
            0 => "",
            1 => parties[0],
            _ => string.Join(", ", parties.Take(parties.Count - 1)) + " och " + parties[^1],
        };
        var text = who.Length > 0
            ? $"{DocumentLabels.CommitmentFor} {who}: {commitment.Text.Trim()}"
            : $"{DocumentLabels.Commitment}: {commitment.Text.Trim()}";
        var details = new List<string>();
        if (commitment.Indicator is not null) details.Add($"{DocumentLabels.Indicator} {commitment.Indicator}.");
        if (commitment.Target is not null) details.Add($"{DocumentLabels.Target} {commitment.Target}.");
        if (commitment.Due is not null) details.Add($"{DocumentLabels.Due} {FormatDate(commitment.Due)}.");
        return details.Count == 0 ? text : text + " " + string.Join(" ", details);
    }

    private static void AddVersionControl(AgreementDocumentModel model, List<FlowBlock> blocks)
    {
        blocks.Add(new HeadingBlock(2, DocumentLabels.VersionControlHeading) { StartsClosingBlock = true });
        foreach (var record in model.SigningRecords)
        {
            var who = Join(", ", record.SignatoryName, record.Role, record.PartyName)!;
            var when = Join(", ",
                Join(" ", record.Place, FormatDate(record.Date)),
                "registrerad " + record.SignedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC",
                record.Method == SigningMethods.Electronic ? DocumentLabels.ElectronicSignature : DocumentLabels.PaperSignature)!;
            blocks.Add(new TextBlock(TextKind.Detail, 0, who + "\n" + when, []));
        }
        blocks.Add(new TextBlock(TextKind.Detail, 0, $"Version: {model.VersionNumber.ToString(CultureInfo.InvariantCulture)}", []));
        if (model.VersionHash is not null)
            blocks.Add(new TextBlock(TextKind.Detail, 0, $"{DocumentLabels.HashLabel} {model.VersionHash.ToLowerInvariant()}", []));
    }

    private static List<FooterColumn> FooterColumns(AgreementDocumentModel model)
    {
        var issuer = model.IssuingParty;
        var officer = model.Content.CaseOfficer;
        var columns = new List<FooterColumn>
        {
            new(DocumentLabels.PostalAddress, [.. issuer.PostalAddress]),
            new(DocumentLabels.VisitingAddress, issuer.VisitingAddress.Count == 0 ? [] : [issuer.Name, .. issuer.VisitingAddress]),
            new(DocumentLabels.Contact, NonEmpty(issuer.Phone, issuer.Web, issuer.OrganisationNumber is null ? null : "Org.nr " + issuer.OrganisationNumber)),
            new(DocumentLabels.CaseOfficer, officer is null ? [] : NonEmpty(officer.Name, officer.Title, officer.Phone, officer.Email)),
        };
        return columns.Where(c => c.Lines.Count > 0).ToList();
    }

    private static List<string> NonEmpty(params string?[] values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();

    /// <summary>
    /// Text comes from people and from imported PDFs: tabs, carriage returns and other control
    /// characters are not valid in Word's XML and have no glyph in the PDF font.
    /// </summary>
    private static AgreementContent Clean(AgreementContent content)
    {
        static Section CleanSection(Section section) => section with
        {
            Heading = CleanLine(section.Heading),
            Items = [.. section.Items.Select(item => item with
            {
                Text = CleanText(item.Text),
                Footnotes = [.. item.Footnotes.Select(CleanLine)],
                Commitments = [.. item.Commitments.Select(c => c with { Text = CleanLine(c.Text) })],
            })],
            Sections = [.. section.Sections.Select(CleanSection)],
        };
        return content with { Title = CleanLine(content.Title), Sections = [.. content.Sections.Select(CleanSection)] };
    }

    /// <summary>Headings, footnotes and commitments are single runs of text: line breaks become spaces.</summary>
    private static string CleanLine(string text) => CleanText(text).Replace('\n', ' ');

    internal static string CleanText(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\t', ' ');
        return normalized.Any(c => char.IsControl(c) && c != '\n')
            ? new string([.. normalized.Where(c => !char.IsControl(c) || c == '\n')])
            : normalized;
    }

    internal static string? FormatDate(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Join(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(separator, present);
    }

    private static string SentenceCase(string heading) =>
        heading.Length == 0 ? heading : heading[..1] + heading[1..].ToLower(CultureInfo.GetCultureInfo("sv-SE"));
}

internal abstract record FlowBlock;

/// <summary>Level 1 is the title, 2 a top-level section, 3 and 4 nested sections.</summary>
internal sealed record HeadingBlock(int Level, string Text) : FlowBlock
{
    /// <summary>The version-control heading, which follows the signatures with extra space.</summary>
    public bool StartsClosingBlock { get; init; }
}

internal enum TextKind
{
    Paragraph,
    Bullet,

    /// <summary>Smaller print for the version-control block.</summary>
    Detail,
}

/// <summary>Body text; "\n" in <see cref="Text"/> is a line break inside the block.</summary>
internal sealed record TextBlock(TextKind Kind, int Depth, string Text, IReadOnlyList<DocumentFootnote> Footnotes) : FlowBlock;

internal sealed record DocumentFootnote(int Number, string Text);

internal sealed record SignatureBlock(string? PlaceAndDate, string Name, string? Role, string PartyName) : FlowBlock;

internal sealed record FooterColumn(string Label, IReadOnlyList<string> Lines);

/// <summary>Fixed Swedish wording of the document, shared by both formats.</summary>
internal static class DocumentLabels
{
    public const string DateLabel = "Datum:";
    public const string ReferenceLabel = "Diarienummer:";
    public const string PostalAddress = "Postadress";
    public const string VisitingAddress = "Besöksadress";
    public const string Contact = "Kontakt";
    public const string CaseOfficer = "Handläggare";
    public const string PlaceAndDate = "Ort och datum";
    public const string VersionControlHeading = "Underskrifter och versionskontroll";

    // A commitment printed on its own line; the importer reads the same words back (Import/Parsing/StatedCommitments.cs).
    public const string Commitment = "Åtagande";
    public const string CommitmentFor = "Åtagande för";
    public const string Indicator = "Indikator:";
    public const string Target = "Målvärde:";
    public const string Due = "Klart senast";
    public const string ElectronicSignature = "elektronisk underskrift";
    public const string PaperSignature = "underskrift på papper";
    public const string HashLabel = "Versionens kontrollsumma (SHA-256):";

    /// <summary>Page numbering as Swedish authorities print it: "2 (5)".</summary>
    public static string PageOf(int page, int total) =>
        $"{page.ToString(CultureInfo.InvariantCulture)} ({total.ToString(CultureInfo.InvariantCulture)})";
}

using Samverkan.Agreements;

namespace Samverkan.Documents.Import.Parsing;

/// <summary>Reads the case officer and the issuer's addresses out of the page furniture.</summary>
internal static class Letterhead
{
    public const string Officer = "officer";
    private const string Postal = "postal";
    private const string Visiting = "visiting";
    private const string Contact = "contact";

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["postadress"] = Postal, ["adress"] = Postal, ["besoksadress"] = Visiting, ["besoksadr"] = Visiting,
        ["kontakt"] = Contact, ["telefon"] = Contact, ["tel"] = Contact, ["vaxel"] = Contact, ["epost"] = Contact,
        ["email"] = Contact, ["mejl"] = Contact, ["webb"] = Contact, ["webbplats"] = Contact, ["hemsida"] = Contact,
        ["internet"] = Contact, ["orgnr"] = Contact, ["organisationsnummer"] = Contact, ["orgnummer"] = Contact,
        ["fax"] = Contact, ["telefax"] = Contact,
        ["handlaggare"] = Officer, ["kontaktperson"] = Officer, ["ansvarighandlaggare"] = Officer,
    };

    /// <summary>The label a line starts a contact block with; <paramref name="inline"/> is any value after "Label:".</summary>
    public static string? Label(string line, out string? inline)
    {
        inline = null;
        if (line.Length > 120) return null;
        var colon = line.IndexOf(':');
        var head = colon >= 0 ? line[..colon] : line;
        if (head.Length > 30) return null;
        if (!Labels.TryGetValue(TextPatterns.Fold(head), out var kind)) return null;
        if (colon >= 0 && colon + 1 < line.Length)
        {
            var rest = line[(colon + 1)..].Trim();
            if (rest.Length > 0) inline = rest;
        }

        return kind;
    }

    public sealed class Found
    {
        public MappedText? Name, Title, Phone, Email;
        public List<MappedText> PostalLines { get; } = [];
        public List<MappedText> VisitingLines { get; } = [];
        public MappedText? IssuerPhone, IssuerEmail, Website, OrganizationNumber;

        /// <summary>Address lines are taken from one block only, so the joined address has one source.</summary>
        public int PostalBlock { get; set; } = -1;

        public int VisitingBlock { get; set; } = -1;
    }

    /// <summary>Reads furniture lines in document order; body lines in between end a block like blank lines do.</summary>
    public static Found Read(IEnumerable<SourceLine> lines)
    {
        var found = new Found();
        var done = new HashSet<string>();
        string? label = null;
        var ignore = false;
        var unlabelledRead = false;
        var block = 0;

        foreach (var line in lines)
        {
            if (line.IsBlank || !line.Furniture)
            {
                block++;
                if (label is not null) done.Add(label);
                label = null;
                ignore = false;
                continue;
            }

            var next = Label(line.Text, out var inline);
            if (next is not null)
            {
                block++;
                if (label is not null) done.Add(label);

                // The footer repeats on every page; the first copy is the one read.
                ignore = done.Contains(next);
                label = next;
                if (!ignore && inline is not null)
                {
                    var mapped = line.Mapped();
                    var at = mapped.Text.IndexOf(':') + 1;
                    foreach (var part in mapped.Slice(at).SplitOn(","))
                    {
                        Take(found, label, part.Trim(), block);
                    }
                }

                continue;
            }

            if (ignore) continue;
            if (label is not null)
            {
                Take(found, label, line.Mapped(), block);
            }
            else if (!unlabelledRead)
            {
                unlabelledRead = TakeUnlabelled(found, line.Mapped(), block);
            }
        }

        return found;
    }

    /// <summary>
    /// A one-line footer ("Region Dalarna · Box 712 · 791 29 Falun · Telefon 023-49 00 00") has no labels;
    /// its parts are recognized by shape. Only the first such line is read, since it repeats on every page.
    /// </summary>
    private static bool TakeUnlabelled(Found found, MappedText line, int block)
    {
        var parts = new List<MappedText>();
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line.Text[i] is not ('·' or '|' or '•')) continue;
            var part = line.Slice(start, i - start).Trim();
            if (part.Length > 0) parts.Add(part);
            start = i + 1;
        }

        var any = false;
        foreach (var part in parts)
        {
            if (TakeContact(found, part, issuer: true))
            {
                any = true;
            }
            else if ((part.Text.StartsWith("Box ", StringComparison.Ordinal) || TextPatterns.PostalCode().IsMatch(part.Text))
                     && AddLine(found.PostalLines, found.PostalBlock, block, part))
            {
                found.PostalBlock = block;
                any = true;
            }
        }

        return any;
    }

    private static bool AddLine(List<MappedText> lines, int owner, int block, MappedText value)
    {
        if (lines.Count >= 4 || (owner >= 0 && owner != block)) return false;
        lines.Add(value);
        return true;
    }

    private static void Take(Found found, string label, MappedText value, int block)
    {
        if (value.Length == 0) return;
        switch (label)
        {
            case Postal:
                if (AddLine(found.PostalLines, found.PostalBlock, block, value)) found.PostalBlock = block;
                break;
            case Visiting:
                if (AddLine(found.VisitingLines, found.VisitingBlock, block, value)) found.VisitingBlock = block;
                break;
            case Contact:
                TakeContact(found, value, issuer: true);
                break;
            case Officer:
                if (TakeContact(found, value, issuer: false)) break;
                if (found.Name is null && TextPatterns.LooksLikeName(value.Text)) found.Name = value;
                else if (found.Name is not null && found.Title is null && !value.Text.Any(char.IsDigit)) found.Title = value;
                break;
        }
    }

    private static bool TakeContact(Found found, MappedText value, bool issuer)
    {
        var text = value.Text;
        var email = TextPatterns.Email().Match(text);
        if (email.Success)
        {
            var v = value.Slice(email.Index, email.Length);
            if (issuer) found.IssuerEmail ??= v;
            else found.Email ??= v;
            return true;
        }

        var org = TextPatterns.OrganizationNumber().Match(text);
        if (org.Success)
        {
            if (issuer) found.OrganizationNumber ??= value.Slice(org.Index, org.Length);
            return true;
        }

        var phone = TextPatterns.Phone().Match(text);
        if (phone.Success)
        {
            var g = phone.Groups["number"];
            var v = value.Slice(g.Index, g.Length);
            if (issuer) found.IssuerPhone ??= v;
            else found.Phone ??= v;
            return true;
        }

        var web = TextPatterns.Web().Match(text);
        if (web.Success && issuer)
        {
            found.Website ??= value.Slice(web.Index, web.Length);
            return true;
        }

        return false;
    }

    public static CaseOfficer? ToCaseOfficer(Found f) =>
        f.Name is null ? null : new CaseOfficer(f.Name.Text, f.Title?.Text, f.Phone?.Text, f.Email?.Text);
}

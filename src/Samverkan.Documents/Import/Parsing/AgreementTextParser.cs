using System.Globalization;
using Samverkan.Agreements;
using Samverkan.Documents.Render;

namespace Samverkan.Documents.Import.Parsing;

/// <summary>From normalized text to an agreement, recording where each value was read.</summary>
internal sealed class AgreementTextParser
{
    private readonly Dictionary<string, SourceSpan> _sources = new(StringComparer.Ordinal);
    private readonly List<string> _warnings;
    private readonly PartyResolver _resolver;
    private readonly CancellationToken _cancel;
    private readonly List<MappedText> _itemTexts = [];
    private bool _commitmentsStated;
    private ILookup<int, FootnoteDefinition> _footnotesByNumber = Array.Empty<FootnoteDefinition>().ToLookup(f => f.Number);

    private AgreementTextParser(IOrganizationDirectory directory, List<string> warnings, CancellationToken cancel)
    {
        _resolver = new PartyResolver(directory);
        _warnings = warnings;
        _cancel = cancel;
    }

    public static ImportResult Parse(SourceDocument doc, string format, IOrganizationDirectory directory, List<string> warnings, CancellationToken cancel) =>
        new AgreementTextParser(directory, warnings, cancel).Run(doc, format);

    private ImportResult Run(SourceDocument doc, string format)
    {
        Furniture.Mark(doc);
        var letterhead = Letterhead.Read(doc.Lines);
        var front = new FrontMatter();
        front.ReadLines(doc);
        _cancel.ThrowIfCancellationRequested();

        var paras = Paragraphs.Build(doc.Lines, doc.ParagraphLines);
        front.ReadTitle(paras, _resolver, _warnings);
        _resolver.SetParties(front.Parties.Select(p => p.Party));
        Aliases.Register(paras, _resolver);
        front.ReadPeriodFromBody(paras);
        var footnotes = Footnotes.Extract(paras);
        _cancel.ThrowIfCancellationRequested();

        // Samverkan's own documents end with the registered signing data, which repeats the signatures above it.
        var closing = paras.FindIndex(p => p.Full.Text == DocumentLabels.VersionControlHeading);
        if (closing >= 0) paras.RemoveRange(closing, paras.Count - closing);

        var signatureStart = Signatures.FindStart(paras, _resolver);
        var signatureBlocks = new List<SignatureBlock>();
        if (signatureStart >= 0)
        {
            signatureBlocks = Signatures.Parse(paras.GetRange(signatureStart, paras.Count - signatureStart), _resolver, _warnings);
            paras.RemoveRange(signatureStart, paras.Count - signatureStart);
        }

        // A document that writes its commitments out on lines of their own (as Samverkan prints them) lists them all:
        // prose around them is then read as prose, not searched for more.
        _commitmentsStated = paras.Any(p => StatedCommitments.Read(p.Text, _resolver) is not null);
        var tree = Sections.Build(paras, _cancel);
        _footnotesByNumber = footnotes.ToLookup(f => f.Number);
        var parties = front.Parties.Select(p => p.Party).Distinct().ToList();

        var agreement = new AgreementContent
        {
            Kind = Kind(front, parties),
            Title = front.Title?.Text ?? "",
            Reference = front.Reference?.Text,
            Date = front.Date?.Date,
            Period = front.Period,
            Parties = parties,
            CaseOfficer = CaseOfficer(letterhead),
            Sections = tree.Select((s, i) => Section(s, $"sections[{i}]")).ToList(),
            Signatures = SignatureLines(signatureBlocks),
        };

        Record(front);
        var goals = MunicipalGoals(footnotes);
        WarnAboutGaps(agreement, footnotes, signatureStart);

        return new ImportResult
        {
            Agreement = agreement,
            MunicipalGoals = goals,
            Letterhead = ToLetterhead(letterhead),
            Warnings = Capped(_warnings.Distinct().ToList()),
            Sources = _sources,
            SourceText = doc.Text,
            Format = format,
        };
    }

    private string Kind(FrontMatter front, List<PartyRef> parties)
    {
        var kinds = parties.Select(p => p.Kind).ToHashSet();
        switch (front.Kind)
        {
            case HeadingKind.Assignment:
                return AgreementKinds.InstitutionAssignment;
            case HeadingKind.Intent:
                return AgreementKinds.DeclarationOfIntent;
            case HeadingKind.Agreement when kinds.Contains(PartyKinds.Region) && kinds.Contains(PartyKinds.Municipality):
                return AgreementKinds.MunicipalAgreement;
            case HeadingKind.Agreement when kinds.Contains(PartyKinds.Region) && kinds.Contains(PartyKinds.Institution):
                _warnings.Add("Dokumentet kallas överenskommelse men parterna är en region och en institution; det har tolkats som en uppdragsöverenskommelse.");
                return AgreementKinds.InstitutionAssignment;
            case HeadingKind.Agreement:
                _warnings.Add("Dokumentet kallas överenskommelse men parterna kunde inte fastställas som en region och en kommun; välj avtalstyp för hand.");
                return AgreementKinds.Other;
            case HeadingKind.Contract:
                _warnings.Add("Dokumentet kallas avtal, vilket inte motsvarar någon av avtalstyperna; välj avtalstyp för hand.");
                return AgreementKinds.Other;
            default:
                _warnings.Add("Hittade ingen rubrik som anger avtalstyp (ÖVERENSKOMMELSE, UPPDRAGSÖVERENSKOMMELSE eller AVSIKTSFÖRKLARING).");
                return AgreementKinds.Other;
        }
    }

    private void Record(FrontMatter front)
    {
        if (front.KindSource is not null) _sources["kind"] = front.KindSource.Span;
        if (front.Title is not null) _sources["title"] = front.Title.Span;
        if (front.Reference is not null) _sources["reference"] = front.Reference.Span;
        if (front.Date is not null) _sources["date"] = front.DateSpan;
        if (front.Period is not null) _sources["period"] = front.PeriodSpan;
        var i = 0;
        foreach (var (party, source) in front.Parties.DistinctBy(p => p.Party))
        {
            _sources[$"parties[{i++}]"] = source.Span;
        }
    }

    private CaseOfficer? CaseOfficer(Letterhead.Found found)
    {
        var officer = Letterhead.ToCaseOfficer(found);
        if (officer is null) return null;
        _sources["caseOfficer.name"] = found.Name!.Span;
        if (found.Title is not null) _sources["caseOfficer.title"] = found.Title.Span;
        if (found.Phone is not null) _sources["caseOfficer.phone"] = found.Phone.Span;
        if (found.Email is not null) _sources["caseOfficer.email"] = found.Email.Span;
        return officer;
    }

    private ImportedLetterhead? ToLetterhead(Letterhead.Found found)
    {
        string? Joined(List<MappedText> lines, string key)
        {
            if (lines.Count == 0) return null;
            _sources[key] = new SourceSpan(lines[0].Span.Start, lines[^1].Span.End - lines[0].Span.Start);
            return string.Join(", ", lines.Select(l => l.Text));
        }

        string? Single(MappedText? value, string key)
        {
            if (value is null) return null;
            _sources[key] = value.Span;
            return value.Text;
        }

        var letterhead = new ImportedLetterhead
        {
            PostalAddress = Joined(found.PostalLines, "letterhead.postalAddress"),
            VisitingAddress = Joined(found.VisitingLines, "letterhead.visitingAddress"),
            Phone = Single(found.IssuerPhone, "letterhead.phone"),
            Email = Single(found.IssuerEmail, "letterhead.email"),
            Website = Single(found.Website, "letterhead.website"),
            OrganizationNumber = Single(found.OrganizationNumber, "letterhead.organizationNumber"),
        };
        return letterhead == new ImportedLetterhead() ? null : letterhead;
    }

    private Section Section(SectionNode node, string path)
    {
        _cancel.ThrowIfCancellationRequested();
        if (node.Heading is not null) _sources[path + ".heading"] = node.Heading.Span;
        var items = new List<Item>();
        List<string>? leadIn = null;
        foreach (var para in node.Items)
        {
            // A commitment on a line of its own belongs to the item above it (how Samverkan prints them).
            if (items.Count > 0 && StatedCommitments.Read(para.Text, _resolver) is { } stated)
            {
                var owner = items[^1];
                _sources[$"{path}.items[{items.Count - 1}].commitments[{owner.Commitments.Count}]"] = stated.Source.Span;
                items[^1] = owner with { Commitments = [.. owner.Commitments, stated.Commitment] };
                continue;
            }

            var item = Item(para, $"{path}.items[{items.Count}]", out var leadInParties);
            var bullet = item.Style == ItemStyles.Bullet;

            // "Museet ska under året:" followed by bullets: each bullet is something the lead-in's party commits to.
            if (bullet && leadIn is not null && item.Commitments.Count == 0 && item.Text.Length > 0 && !_commitmentsStated)
            {
                _sources[$"{path}.items[{items.Count}].commitments[0]"] = _sources[$"{path}.items[{items.Count}].text"];
                item = item with { Commitments = [new Commitment { Parties = leadIn, Text = item.Text }] };
            }
            else if (!bullet)
            {
                leadIn = leadInParties;
            }

            items.Add(item);
        }

        return new Section
        {
            Heading = node.Heading?.Text ?? "",
            Items = items,
            Sections = node.Children.Select((c, i) => Section(c, $"{path}.sections[{i}]")).ToList(),
        };
    }

    private Item Item(Para para, string path, out List<string>? leadInParties)
    {
        leadInParties = null;
        var (text, notes) = Footnotes.Attach(para.Text, _footnotesByNumber);
        _sources[path + ".text"] = text.Span;
        _itemTexts.Add(text);
        for (var i = 0; i < notes.Count; i++) _sources[$"{path}.footnotes[{i}]"] = notes[i].Span;

        var commitments = new List<Commitment>();
        var sentences = _commitmentsStated ? [] : Commitments.Sentences(text);
        foreach (var sentence in sentences)
        {
            var found = Commitments.Find(sentence, _resolver);
            if (found is null) continue;
            if (sentence == sentences[^1] && sentence.Text.EndsWith(':'))
            {
                leadInParties = found.Parties.Select(p => p.Code).ToList();
                continue;
            }

            _sources[$"{path}.commitments[{commitments.Count}]"] = found.Sentence.Span;
            commitments.Add(new Commitment
            {
                Parties = found.Parties.Select(p => p.Code).ToList(),
                Text = found.Sentence.Text,
                Institutions = found.Institutions.Select(p => p.Code).ToList(),
            });
        }

        return new Item
        {
            Style = para.Bullet || para.Number is not null ? ItemStyles.Bullet : ItemStyles.Paragraph,
            Text = text.Text,
            Footnotes = notes.Select(n => n.Text).ToList(),
            Commitments = commitments,
        };
    }

    private List<SignatureLine> SignatureLines(List<SignatureBlock> blocks)
    {
        var lines = new List<SignatureLine>();
        foreach (var block in blocks)
        {
            if (block.Name is null)
            {
                if (block.Place is not null || block.Date is not null || block.RoleParts.Count > 0)
                {
                    var where = string.Join(" ", new[] { block.Place?.Text, block.Date?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.Where(s => s is not null));
                    _warnings.Add(where.Length > 0
                        ? $"En underskrift ({where}) saknar namn och har inte tagits med."
                        : "En underskrift saknar namn och har inte tagits med.");
                }

                continue;
            }

            var path = $"signatures[{lines.Count}]";
            _sources[path + ".name"] = block.Name.Span;
            if (block.Role is not null) _sources[path + ".role"] = block.Role.Span;
            if (block.Place is not null) _sources[path + ".place"] = block.Place.Span;
            if (block.Date is not null) _sources[path + ".date"] = block.DateSpan;
            if (block.Party is not null && block.PartySource is not null) _sources[path + ".party"] = block.PartySource.Span;
            if (block.Party is null) _warnings.Add($"Kunde inte avgöra vilken part {block.Name.Text} skriver under för; välj parten för hand.");
            else if (_resolver.Parties.Count > 0 && !_resolver.Parties.Contains(block.Party))
            {
                _warnings.Add($"{block.Name.Text} skriver under för {block.Party.Name}, som inte är part enligt titeln.");
            }

            lines.Add(new SignatureLine
            {
                Party = block.Party?.Code ?? "",
                Name = block.Name.Text,
                Role = block.Role?.Text,
                Place = block.Place?.Text,
                Date = block.Date?.Date,
            });
        }

        return lines;
    }

    private List<string> MunicipalGoals(List<FootnoteDefinition> footnotes)
    {
        // Smedjebacken lists its goals in a footnote; other municipalities may do so in the text itself.
        foreach (var text in footnotes.Select(f => f.Text).Concat(_itemTexts))
        {
            var goals = NumberedLists.Goals(text);
            if (goals is null) continue;
            for (var i = 0; i < goals.Count; i++) _sources[$"municipalGoals[{i}]"] = goals[i].Span;
            return goals.Select(g => g.Text).ToList();
        }

        return [];
    }

    private void WarnAboutGaps(AgreementContent agreement, List<FootnoteDefinition> footnotes, int signatureStart)
    {
        if (agreement.Date is null) _warnings.Add("Hittade inget datum.");
        if (agreement.Reference is null) _warnings.Add("Hittade inget diarienummer.");
        if (agreement.Period is null) _warnings.Add("Hittade ingen avtalsperiod (till exempel \"för åren 2019–2022\").");
        if (agreement.Parties.Count == 0) _warnings.Add("Hittade inga parter.");
        if (agreement.CaseOfficer is null) _warnings.Add("Hittade ingen handläggare.");
        if (agreement.Sections.Count == 0) _warnings.Add("Hittade ingen brödtext med avsnitt.");
        if (signatureStart < 0 || agreement.Signatures.Count == 0) _warnings.Add("Hittade inga underskrifter.");
        if (agreement.Sections.Count > 0 && !AllItems(agreement.Sections).Any(i => i.Commitments.Count > 0))
        {
            _warnings.Add("Hittade inga åtaganden (meningar som \"Regionen ska ...\"); lägg till dem för hand.");
        }

        foreach (var unused in footnotes.Where(f => !f.Used))
        {
            _warnings.Add($"Fotnoten {unused.Number} (\"{FrontMatter.Short(unused.Text.Text)}\") hänvisas inte till i texten och har inte placerats.");
        }
    }

    /// <summary>A person reads these; past a screenful they stop helping.</summary>
    private static List<string> Capped(List<string> warnings)
    {
        const int max = 50;
        if (warnings.Count <= max) return warnings;
        return [.. warnings.Take(max), $"... och {warnings.Count - max} varningar till."];
    }

    private static IEnumerable<Item> AllItems(IEnumerable<Section> sections) =>
        sections.SelectMany(s => s.Items.Concat(AllItems(s.Sections)));
}

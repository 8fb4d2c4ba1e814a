using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Agreements;

public static class DepartureKinds
{
    public const string Unchanged = "unchanged";
    public const string Changed = "changed";
    public const string Added = "added";
    public const string Removed = "removed";
}

/// <summary>
/// How one section of the agreement stands against the template. <paramref name="Index"/> is the section's place in
/// the agreement (null when removed), <paramref name="TemplateIndex"/> its place in the template (null when added);
/// <paramref name="Diff"/> is the word diff from the template's section to the agreement's (null when unchanged).
/// </summary>
public sealed record SectionDeparture(string Change, string Heading, string? TemplateHeading, int? Index, int? TemplateIndex, AgreementDiff? Diff);

public sealed record TemplateDepartures(
    Guid AgreementId, int Version, Guid TemplateId, int TemplateVersion, string TemplateTitle,
    int Unchanged, int Changed, int Added, int Removed, IReadOnlyList<SectionDeparture> Sections);

/// <summary>
/// Where an agreement made from a template departs from it, section by section: the template is filled in for the
/// agreement's municipality as a draft would be, then each top-level section is matched (by heading, else by
/// place) and compared word by word. For the parties and the region's staff, like the drafts themselves.
/// </summary>
public sealed class GetTemplateDepartures(SamverkanDb db, ActorContext actors, AgreementStore store) : IUseCase
{
    public async Task<Result<TemplateDepartures>> ExecuteAsync(Guid agreementId, CancellationToken ct = default)
    {
        var loaded = await store.FindForReadAsync(agreementId, actors.Current, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (agreement, parties, region) = loaded.Value;
        if (agreement.TemplateId is not { } templateId)
            return Error.NotFound("agreement.no-template", "Överenskommelsen är inte gjord från en mall.");
        var template = await db.Set<AgreementTemplate>().AsNoTracking().FirstAsync(t => t.Id == templateId, ct);
        var municipality = parties.FirstOrDefault(p => p.Kind == OrganizationKind.Municipality) ?? parties.First(p => p.Id != region.Id);
        var expected = AgreementTemplates.Instantiate(AgreementJson.Deserialize(template.ContentJson)!, region, municipality);
        var actual = AgreementJson.Deserialize((await store.VersionAsync(agreementId, agreement.CurrentVersion, ct))!.ContentJson)!;

        var sections = Compare(expected.Sections, actual.Sections, template.Version, agreement.CurrentVersion);
        int Count(string kind) => sections.Count(s => s.Change == kind);
        return new TemplateDepartures(agreement.Id, agreement.CurrentVersion, template.Id, template.Version, template.Title,
            Count(DepartureKinds.Unchanged), Count(DepartureKinds.Changed), Count(DepartureKinds.Added), Count(DepartureKinds.Removed), sections);
    }

    internal static List<SectionDeparture> Compare(IReadOnlyList<Section> template, IReadOnlyList<Section> agreement, int templateVersion, int version)
    {
        // Match by heading first; a section left over on both sides at the same place is taken as renamed when
        // most of its text is still the template's, else as one removed and one added.
        var match = new int?[agreement.Count];
        var used = new bool[template.Count];
        for (var i = 0; i < agreement.Count; i++)
        {
            var key = AgreementTemplates.HeadingKey(agreement[i].Heading);
            var j = Enumerable.Range(0, template.Count).FirstOrDefault(t => !used[t] && AgreementTemplates.HeadingKey(template[t].Heading) == key, -1);
            if (j < 0) continue;
            match[i] = j;
            used[j] = true;
        }
        for (var i = 0; i < agreement.Count; i++)
            if (match[i] is null && i < template.Count && !used[i] && MostlySame(Diff(templateVersion, version, template[i], agreement[i])))
            {
                match[i] = i;
                used[i] = true;
            }

        var result = new List<SectionDeparture>();
        void AddRemovedBefore(int templateIndex)
        {
            for (var t = 0; t < templateIndex; t++)
                if (!used[t])
                {
                    used[t] = true;
                    result.Add(new SectionDeparture(DepartureKinds.Removed, template[t].Heading, template[t].Heading, null, t,
                        Diff(templateVersion, version, template[t], null)));
                }
        }
        for (var i = 0; i < agreement.Count; i++)
        {
            var section = agreement[i];
            if (match[i] is not { } t)
            {
                result.Add(new SectionDeparture(DepartureKinds.Added, section.Heading, null, i, null, Diff(templateVersion, version, null, section)));
                continue;
            }
            // Removed template sections are listed where they stood, before the next matched one.
            AddRemovedBefore(t);
            var same = Canonical(template[t]) == Canonical(section);
            result.Add(new SectionDeparture(same ? DepartureKinds.Unchanged : DepartureKinds.Changed, section.Heading, template[t].Heading, i, t,
                same ? null : Diff(templateVersion, version, template[t], section)));
        }
        AddRemovedBefore(template.Count);
        return result;
    }

    private static bool MostlySame(AgreementDiff diff)
    {
        int Length(string op) => diff.Segments.Where(s => s.Op == op).Sum(s => s.Text.Length);
        var equal = Length("equal");
        return equal >= 2 * Math.Max(Length("insert"), Length("delete"));
    }

    private static AgreementDiff Diff(int from, int to, Section? a, Section? b) =>
        DiffAgreementVersions.Compare(from, to, new AgreementContent { Sections = a is null ? [] : [a] }, new AgreementContent { Sections = b is null ? [] : [b] });

    /// <summary>The section as JSON without commitment ids, which differ per draft by design.</summary>
    private static string Canonical(Section s) => JsonSerializer.Serialize(WithoutIds(s), AgreementJson.Options);

    private static Section WithoutIds(Section s) => s with
    {
        Items = s.Items.Select(i => i with { Commitments = i.Commitments.Select(c => c with { Id = null }).ToList() }).ToList(),
        Sections = s.Sections.Select(WithoutIds).ToList(),
    };
}

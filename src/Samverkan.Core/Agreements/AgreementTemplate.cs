using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.Agreements;

/// <summary>
/// A region's model text for the municipal agreements of one plan period, from which the region drafts one
/// agreement per municipality in one step. Its content is an agreement's canonical JSON whose commitments are
/// given by the placeholder parties "region" and "municipality" and whose texts may hold {kommun}, {region},
/// {från} and {till}; each draft gets the real codes and names.
/// </summary>
public sealed class AgreementTemplate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RegionId { get; set; }
    public Guid? PlanId { get; set; }
    public required string Kind { get; set; }

    /// <summary>The title pattern, e.g. "Överenskommelse mellan {kommun} och {region} {från}–{till}".</summary>
    public required string Title { get; set; }

    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }

    /// <summary>The template's <see cref="AgreementContent"/> as canonical JSON; commitments carry no ids (each draft gets its own).</summary>
    public required string ContentJson { get; set; }

    /// <summary>Incremented on every save; clients send it back so a stale edit is refused instead of overwriting.</summary>
    public int Version { get; set; } = 1;

    /// <summary>
    /// Counts the runs that made drafts. A concurrency token: of two simultaneous runs only one commits, so no
    /// municipality gets two drafts from the same template.
    /// </summary>
    public int DraftRuns { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class AgreementTemplateConfiguration : IEntityTypeConfiguration<AgreementTemplate>
{
    public void Configure(EntityTypeBuilder<AgreementTemplate> b)
    {
        b.Property(t => t.Kind).HasMaxLength(32);
        b.Property(t => t.Title).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.DraftRuns).IsConcurrencyToken();
        b.HasIndex(t => new { t.RegionId, t.PeriodFrom });
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CulturePlan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
        // A template with drafts cannot vanish from under them: the drafts' departures are read against it.
        b.HasMany<Agreement>().WithOne().HasForeignKey(a => a.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The placeholder parties a template's commitments and signatories use.</summary>
public static class TemplateParties
{
    public const string Region = "region";
    public const string Municipality = "municipality";
}

public sealed record AgreementTemplateSummary(
    Guid Id, OrganizationRef Region, Guid? PlanId, string Kind, string Title, Period Period, int Version, DateTime UpdatedAt, int Drafts);

/// <summary>A template as the API shows it: the agreement fields with placeholders, plus how many drafts were made from it.</summary>
public sealed record AgreementTemplateView(
    Guid Id, OrganizationRef Region, Guid? PlanId, string Kind, string Title, Period Period, string? Reference, DateOnly? Date,
    CaseOfficer? CaseOfficer, IReadOnlyList<Section> Sections, IReadOnlyList<SignatureLine> Signatures, int Version,
    DateTime CreatedAt, DateTime UpdatedAt, int Drafts);

/// <summary>Placeholders, instantiation and the read rule shared by the template use cases and the demo data.</summary>
public static partial class AgreementTemplates
{
    public const string MunicipalityPlaceholder = "{kommun}";
    public const string RegionPlaceholder = "{region}";
    public const string FromPlaceholder = "{från}";
    public const string ToPlaceholder = "{till}";
    public static readonly IReadOnlyList<string> Placeholders = [MunicipalityPlaceholder, RegionPlaceholder, FromPlaceholder, ToPlaceholder];

    public const string DefaultTitle = "Överenskommelse mellan {kommun} och {region} {från}–{till}";

    /// <summary>
    /// Templates are the region's working papers: its own staff and the organizations of its county (the future
    /// parties) read them; the public and other counties do not.
    /// </summary>
    public static bool CanRead(Actor actor, Organization region) =>
        actor.IsOperator || (actor.IsAuthenticated && actor.CountyCode is not null && actor.CountyCode == region.CountyCode);

    /// <summary>The draft text for one municipality: placeholders filled in, placeholder parties replaced by real codes, no commitment ids.</summary>
    public static AgreementContent Instantiate(AgreementContent template, Organization region, Organization municipality)
    {
        var period = template.Period;
        string Fill(string text) => text
            .Replace(MunicipalityPlaceholder, municipality.DisplayName, StringComparison.Ordinal)
            .Replace(RegionPlaceholder, region.DisplayName, StringComparison.Ordinal)
            .Replace(FromPlaceholder, period?.From.Year.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal)
            .Replace(ToPlaceholder, period?.To.Year.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal);
        string? FillOrNull(string? text) => text is null ? null : Fill(text);
        string Party(string code) => code switch
        {
            TemplateParties.Region => region.Code,
            TemplateParties.Municipality => municipality.Code,
            _ => code,
        };
        Section Map(Section s) => s with
        {
            Heading = Fill(s.Heading),
            Items = s.Items.Select(i => i with
            {
                Text = Fill(i.Text),
                Footnotes = i.Footnotes.Select(Fill).ToList(),
                Commitments = i.Commitments.Select(c => c with
                {
                    Id = null,
                    Parties = c.Parties.Select(Party).ToList(),
                    Text = Fill(c.Text),
                    Indicator = FillOrNull(c.Indicator),
                    Target = FillOrNull(c.Target),
                }).ToList(),
            }).ToList(),
            Sections = s.Sections.Select(Map).ToList(),
        };
        return template with
        {
            Id = null,
            Version = 0,
            Status = AgreementStatuses.Draft,
            Title = Fill(template.Title),
            Reference = FillOrNull(template.Reference),
            Parties = [],
            Sections = template.Sections.Select(Map).ToList(),
            Signatures = template.Signatures.Select(l => l with
            {
                Party = Party(l.Party), Name = Fill(l.Name), Role = FillOrNull(l.Role), Place = FillOrNull(l.Place), SignedAt = null, VersionHash = null,
            }).ToList(),
        };
    }

    /// <summary>Every text a template holds, for the placeholder check.</summary>
    internal static IEnumerable<string> Texts(AgreementContent c)
    {
        IEnumerable<string?> Of(Section s)
        {
            yield return s.Heading;
            foreach (var i in s.Items)
            {
                yield return i.Text;
                foreach (var f in i.Footnotes) yield return f;
                foreach (var k in i.Commitments)
                {
                    yield return k.Text;
                    yield return k.Indicator;
                    yield return k.Target;
                }
            }
            foreach (var sub in s.Sections.SelectMany(Of)) yield return sub;
        }
        IEnumerable<string?> All()
        {
            yield return c.Title;
            yield return c.Reference;
            foreach (var t in c.Sections.SelectMany(Of)) yield return t;
            foreach (var l in c.Signatures)
            {
                yield return l.Name;
                yield return l.Role;
                yield return l.Place;
            }
        }
        return All().OfType<string>();
    }

    internal static IEnumerable<string> UnknownPlaceholders(AgreementContent c) =>
        Texts(c).SelectMany(t => PlaceholderPattern().Matches(t).Select(m => m.Value)).Where(p => !Placeholders.Contains(p)).Distinct();

    [GeneratedRegex(@"\{[^{}\s]{1,30}\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>
    /// A section heading as a comparison key: trimmed, inner spaces collapsed, a trailing colon dropped and case
    /// ignored, so "Bibliotek:" in one agreement and "bibliotek" in another are the same area.
    /// </summary>
    public static string HeadingKey(string heading) => CleanHeading(heading).ToLower(SwedishText.Culture);

    /// <summary>A heading as shown: trimmed, inner spaces collapsed and without a trailing colon.</summary>
    public static string CleanHeading(string heading) =>
        string.Join(' ', heading.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd(':', ' ');

    internal static async Task<AgreementTemplateView> ViewAsync(SamverkanDb db, AgreementTemplate t, Organization region, CancellationToken ct)
    {
        var content = AgreementJson.Deserialize(t.ContentJson)!;
        var drafts = await db.Set<Agreement>().CountAsync(a => a.TemplateId == t.Id, ct);
        return new AgreementTemplateView(t.Id, new OrganizationRef(region.Code, region.DisplayName), t.PlanId, t.Kind, t.Title,
            new Period(t.PeriodFrom, t.PeriodTo), content.Reference, content.Date, content.CaseOfficer, content.Sections, content.Signatures,
            t.Version, t.CreatedAt, t.UpdatedAt, drafts);
    }

    internal static Error NotFound() => Error.NotFound("template.not-found", "Mallen finns inte.");
}

using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Agreements;

/// <summary>Creates a template (no <paramref name="Id"/>) in a region, or saves a new text for one (naming the version edited).</summary>
public sealed record SaveAgreementTemplateCommand(Guid? Id, string? RegionCode, int? BaseVersion, Guid? PlanId, AgreementContent Content);

/// <summary>
/// The region's staff write the template all its municipal agreements of a period start from. It is checked as
/// an agreement would be, filled in for one of the region's municipalities, so a template that saves also drafts.
/// </summary>
public sealed class SaveAgreementTemplate(SamverkanDb db, ActorContext actors, TimeProvider clock) : IUseCase
{
    public async Task<Result<AgreementTemplateView>> ExecuteAsync(SaveAgreementTemplateCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        AgreementTemplate? template = null;
        Organization? region;
        if (command.Id is { } id)
        {
            template = await db.Set<AgreementTemplate>().FirstOrDefaultAsync(t => t.Id == id, ct);
            if (template is null) return AgreementTemplates.NotFound();
            region = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == template.RegionId, ct);
            if (!AgreementTemplates.CanRead(actor, region)) return AgreementTemplates.NotFound();
            if (actor.Require(actor.IsStaffOfRegion(region.Id)) is { } denied) return denied;
            if (command.BaseVersion is null)
                return Error.Validation("request.version-required", "Ange vilken version av mallen du utgår från.", "version");
            if (command.BaseVersion != template.Version)
                return Stale(template.Version, command.BaseVersion.Value);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(command.RegionCode))
                return Error.Validation("template.region-required", "Ange vilken region mallen hör till.", "region");
            region = await db.Organizations.AsNoTracking()
                .FirstOrDefaultAsync(o => o.Code == command.RegionCode && o.Kind == OrganizationKind.Region, ct);
            if (region is null) return Error.NotFound("region.not-found", $"Det finns ingen region med kod {command.RegionCode}.");
            if (actor.Require(actor.IsStaffOfRegion(region.Id)) is { } denied) return denied;
        }

        var checkedContent = await CheckAsync(db, command.Content, command.PlanId, region, ct);
        if (!checkedContent.IsSuccess) return checkedContent.Error!;
        var content = checkedContent.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (template is null)
        {
            template = new AgreementTemplate
            {
                RegionId = region.Id, Kind = content.Kind, Title = content.Title, ContentJson = "", CreatedAt = now,
            };
            db.Add(template);
        }
        else template.Version++;
        template.PlanId = command.PlanId;
        template.Title = content.Title;
        template.PeriodFrom = content.Period!.From;
        template.PeriodTo = content.Period.To;
        template.ContentJson = AgreementJson.Serialize(content);
        template.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the template (or made drafts from it) at the same moment: theirs stands.
            db.ChangeTracker.Clear();
            var current = await db.Set<AgreementTemplate>().AsNoTracking().FirstAsync(t => t.Id == template.Id, ct);
            return Stale(current.Version, command.BaseVersion ?? 0);
        }
        return await AgreementTemplates.ViewAsync(db, template, region, ct);
    }

    private static Error Stale(int current, int yours) =>
        Error.Conflict("template.stale",
            $"Mallen har sparats i version {current} sedan du började (du utgick från version {yours}). Hämta den senaste versionen och gör om ändringen.") with
        {
            Extensions = new Dictionary<string, object?> { ["currentVersion"] = current, ["yourVersion"] = yours },
        };

    /// <summary>Checks and normalizes a template's content; the demo data goes through the same check.</summary>
    internal static async Task<Result<AgreementContent>> CheckAsync(SamverkanDb db, AgreementContent content, Guid? planId, Organization region, CancellationToken ct)
    {
        content = content.WithoutNulls();
        if (content.Kind != AgreementKinds.MunicipalAgreement)
            return Error.Validation("template.kind-invalid", "En mall gäller överenskommelser mellan regionen och en kommun (municipal-agreement).", "kind");
        if (content.Period is null)
            return Error.Validation("template.period-required", "Ange mallens period.", "period");
        if (AgreementTemplates.UnknownPlaceholders(content).FirstOrDefault() is { } unknown)
            return Error.Validation("template.placeholder-unknown",
                $"Okänd platshållare {unknown}. Möjliga: {string.Join(", ", AgreementTemplates.Placeholders)}.", "sections");

        // A template speaks of "the region" and "the municipality"; the region's own code is read as the former.
        string? Party(string code) => code.Trim() switch
        {
            TemplateParties.Region => TemplateParties.Region,
            TemplateParties.Municipality => TemplateParties.Municipality,
            var c when c == region.Code => TemplateParties.Region,
            _ => null,
        };
        var parties = AgreementRules.Commitments(content.Sections).SelectMany(c => c.Parties)
            .Concat(content.Signatures.Select(s => s.Party)).Distinct().ToList();
        if (parties.FirstOrDefault(p => Party(p) is null) is { } stranger)
            return Error.Validation("template.party-invalid",
                $"I en mall ges åtaganden och underskrifter av \"{TemplateParties.Region}\" eller \"{TemplateParties.Municipality}\", inte \"{stranger}\".", "sections");
        if (planId is { } id && !await db.Plans.AnyAsync(p => p.Id == id && p.RegionId == region.Id, ct))
            return Error.Validation("template.plan-invalid", "Planen finns inte eller hör till en annan region.", "planId");

        var sample = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Municipality && o.CountyCode == region.CountyCode)
            .OrderBy(o => o.Code).FirstOrDefaultAsync(ct);
        if (sample is null)
            return Error.Validation("template.region-without-municipalities", "Regionen har inga kommuner att göra överenskommelser med.", "region");

        var normalized = content with
        {
            Id = null,
            Version = 0,
            Status = AgreementStatuses.Draft,
            PlanId = planId,
            Parties = [],
            Sections = content.Sections.Select(s => WithParties(s, Party)).ToList(),
            Signatures = content.Signatures.Select(s => s with { Party = Party(s.Party)!, SignedAt = null, VersionHash = null }).ToList(),
        };
        var asDraft = await new AgreementRules(db).CheckAsync(
            AgreementTemplates.Instantiate(normalized, region, sample), [region.Code, sample.Code], ct);
        if (!asDraft.IsSuccess) return asDraft.Error!;
        return normalized with
        {
            Title = normalized.Title.Trim(),
            Reference = string.IsNullOrWhiteSpace(normalized.Reference) ? null : normalized.Reference.Trim(),
        };
    }

    private static Section WithParties(Section s, Func<string, string?> party) => s with
    {
        Items = s.Items.Select(i => i with
        {
            Commitments = i.Commitments.Select(c => c with { Id = null, Parties = c.Parties.Select(p => party(p)!).ToList() }).ToList(),
        }).ToList(),
        Sections = s.Sections.Select(x => WithParties(x, party)).ToList(),
    };
}

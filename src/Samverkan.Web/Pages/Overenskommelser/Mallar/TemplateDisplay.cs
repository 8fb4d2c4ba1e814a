using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Plans;

namespace Samverkan.Web.Pages.Overenskommelser.Mallar;

/// <summary>A template shown and edited as an agreement whose parties are the placeholders "the region" and "the municipality".</summary>
public static class TemplateDisplay
{
    public const string MunicipalityName = "Kommunen";

    /// <summary>The placeholder parties by the names people read: the region's own name and "Kommunen".</summary>
    public static IReadOnlyList<PartyRef> Parties(OrganizationRef region) =>
    [
        new(TemplateParties.Region, region.Name, "region"),
        new(TemplateParties.Municipality, MunicipalityName, "municipality"),
    ];

    public static AgreementContent Content(AgreementTemplateView t) => new()
    {
        Version = t.Version,
        Kind = t.Kind,
        Title = t.Title,
        Reference = t.Reference,
        Date = t.Date,
        Period = t.Period,
        PlanId = t.PlanId,
        CaseOfficer = t.CaseOfficer,
        Sections = t.Sections,
        Signatures = t.Signatures,
        Parties = Parties(t.Region),
    };

    /// <summary>Whether to offer editing and drafting; the use cases check again.</summary>
    public static bool CanEdit(Actor actor, OrganizationRef region) => actor.IsRegionStaff && actor.OrganizationCode == region.Code;

    public static string TitleHint =>
        $"{AgreementTemplates.MunicipalityPlaceholder}, {AgreementTemplates.RegionPlaceholder}, {AgreementTemplates.FromPlaceholder} och "
        + $"{AgreementTemplates.ToPlaceholder} fylls i för varje kommun när utkasten görs.";
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Samverkan.Agreements;
using Samverkan.Plans;

namespace Samverkan.Web.Pages.Overenskommelser;

/// <summary>The first step of a new agreement or template: the plan it starts from, title and period; the text comes in the editor.</summary>
public sealed class NewAgreementInput
{
    /// <summary>Agreements only: a template is written for every municipality of the region.</summary>
    public string? MunicipalityCode { get; set; }

    public Guid? PlanId { get; set; }
    public string? Title { get; set; }

    [Range(1900, 2200, ErrorMessage = "Ange första året med fyra siffror.")]
    public int? FromYear { get; set; }

    [Range(1900, 2200, ErrorMessage = "Ange sista året med fyra siffror.")]
    public int? ToYear { get; set; }

    public string? Reference { get; set; }

    /// <summary>The two headings every agreement of the model has; the text is written in the editor.</summary>
    public static IReadOnlyList<Section> StandardSections => [new Section { Heading = "Bakgrund" }, new Section { Heading = "Områden för överenskommelsen" }];

    /// <summary>The period in whole years; years left empty are taken from the plan. Null (with a form error) when neither gives them.</summary>
    public (int From, int To)? Period(PlanSummary? plan, ModelStateDictionary state)
    {
        var from = FromYear ?? plan?.StartYear;
        var to = ToYear ?? plan?.EndYear;
        if (from is not null && to is not null) return (from.Value, to.Value);
        state.AddModelError(FromYear is null ? "Input.FromYear" : "Input.ToYear", "Ange periodens första och sista år, eller välj en plan.");
        return null;
    }

    /// <summary>The adopted plan in force today, the usual starting point.</summary>
    public static PlanSummary? PlanInForce(IEnumerable<PlanSummary> plans, TimeProvider clock)
    {
        var year = clock.GetUtcNow().Year;
        return plans.FirstOrDefault(p => p.Status == "adopted" && p.StartYear <= year && p.EndYear >= year);
    }
}

/// <summary>The shared fields of <c>_NewAgreementFields</c>; <paramref name="Subject"/> is "Överenskommelsen" or "Mallen".</summary>
public sealed record NewAgreementFieldsView(NewAgreementInput Input, IReadOnlyList<PlanSummary> Plans, string Subject, string TitleHint);

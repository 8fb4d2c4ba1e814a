using System.ComponentModel.DataAnnotations;

namespace Samverkan.Web.Pages.Planer;

/// <summary>The plan form. Rules live in the use cases; attributes only catch what cannot even be parsed.</summary>
public sealed class PlanInput
{
    public string? RegionCode { get; set; }
    public string? Title { get; set; }

    [Range(1, 9999, ErrorMessage = "Ange startåret med fyra siffror.")]
    public int StartYear { get; set; } = DateTime.UtcNow.Year;

    [Range(1, 9999, ErrorMessage = "Ange slutåret med fyra siffror.")]
    public int EndYear { get; set; } = DateTime.UtcNow.Year + 3;

    public string? Reference { get; set; }
    public DateOnly? AdoptedOn { get; set; }
    public string Status { get; set; } = "draft";
    public string? Summary { get; set; }
    public int Version { get; set; }
}

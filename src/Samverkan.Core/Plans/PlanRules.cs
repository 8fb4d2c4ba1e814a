using Samverkan.Common;

namespace Samverkan.Plans;

/// <summary>Validation shared by the plan and goal use cases.</summary>
internal static class PlanRules
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static Error? Title(string? title, string code = "plan.title-required", string field = "title") =>
        string.IsNullOrWhiteSpace(title) ? Error.Validation(code, "Titeln får inte vara tom.", field)
        : title.Length > 300 ? Error.Validation(code.Replace("required", "too-long"), "Titeln får vara högst 300 tecken.", field)
        : null;

    public static Error? Period(int startYear, int endYear, string code = "plan.period-invalid") =>
        startYear is < MinYear or > MaxYear || endYear is < MinYear or > MaxYear
            ? Error.Validation(code, $"Åren måste ligga mellan {MinYear} och {MaxYear}.", "startYear")
            : endYear < startYear
                ? Error.Validation(code, "Perioden kan inte sluta innan den börjar.", "endYear")
                : null;

    public static Error? Status(string? status, out PlanStatus parsed)
    {
        parsed = PlanStatus.Draft;
        if (status is null) return null;
        var p = PlanStatuses.Parse(status);
        if (p is null) return Error.Validation("plan.status-invalid", "Status måste vara draft, adopted eller archived.", "status");
        parsed = p.Value;
        return null;
    }
}

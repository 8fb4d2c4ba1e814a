using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Plans;

/// <summary>Loads a municipality for a write to its own goals, which only its own officers may make.</summary>
internal static class MunicipalGoalAccess
{
    public static async Task<Result<Organization>> LoadAsync(SamverkanDb db, Actor actor, string municipalityCode, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var municipality = await db.Organizations.FirstOrDefaultAsync(o => o.Code == municipalityCode && o.Kind == OrganizationKind.Municipality, ct);
        if (municipality is null) return Error.NotFound("municipality.not-found", $"Det finns ingen kommun med kod {municipalityCode}.");
        if (actor.Require(actor.ActsFor(municipality.Id)) is { } denied) return denied;
        return municipality;
    }

    public static Error? Validate(int startYear, int endYear, int number, string? text) =>
        PlanRules.Period(startYear, endYear, "municipal-goal.period-invalid")
        ?? (number is < 1 or > 999 ? Error.Validation("municipal-goal.number-invalid", "Målnumret måste vara mellan 1 och 999.", "number") : null)
        ?? (string.IsNullOrWhiteSpace(text) ? Error.Validation("municipal-goal.text-required", "Målet måste ha en text.", "text")
            : text.Length > 1000 ? Error.Validation("municipal-goal.text-too-long", "Målet får vara högst 1000 tecken.", "text") : null);
}

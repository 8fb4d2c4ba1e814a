using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Plans;

public sealed record UpdatePlanCommand(
    Guid PlanId, int Version, string Title, int StartYear, int EndYear, string? Reference,
    DateOnly? AdoptedOn, string Status, string? Summary);

/// <summary>Edits a plan's own fields. The caller's version must be current, so no edit is silently lost.</summary>
public sealed class UpdatePlan(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<int>> ExecuteAsync(UpdatePlanCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == command.PlanId, ct);
        if (plan is null || (!plan.IsPublic && !actor.IsStaffOfRegion(plan.RegionId)))
            return actor.IsAuthenticated ? Error.NotFound("plan.not-found", "Planen finns inte.") : Error.Unauthenticated();
        if (actor.Require(actor.IsStaffOfRegion(plan.RegionId)) is { } denied) return denied;
        if (PlanRules.Title(command.Title) is { } e1) return e1;
        if (PlanRules.Period(command.StartYear, command.EndYear) is { } e2) return e2;
        if (PlanRules.Status(command.Status, out var status) is { } e3) return e3;
        if (plan.Version != command.Version)
            return Error.Conflict("plan.stale", $"Planen har ändrats av någon annan (version {plan.Version}, du utgick från {command.Version}). Ladda om och gör om ändringen.");

        plan.Title = command.Title.Trim();
        plan.StartYear = command.StartYear;
        plan.EndYear = command.EndYear;
        plan.Reference = command.Reference?.Trim();
        plan.AdoptedOn = command.AdoptedOn;
        plan.Status = status;
        plan.Summary = command.Summary?.Trim();
        plan.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("plan.stale", "Planen ändrades samtidigt av någon annan. Ladda om och gör om ändringen.");
        }
        return plan.Version;
    }
}

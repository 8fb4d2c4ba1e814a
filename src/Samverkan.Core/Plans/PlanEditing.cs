using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Plans;

/// <summary>Loads a plan for a write by the region's own staff, with the right failure for everyone else.</summary>
internal static class PlanEditing
{
    public static async Task<Result<CulturePlan>> LoadEditableAsync(SamverkanDb db, Actor actor, Guid planId, CancellationToken ct)
    {
        var plan = await db.Plans.Include(p => p.DevelopmentAreas).Include(p => p.Goals).ThenInclude(g => g.Indicators)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        // A draft of another region is not revealed: it answers as missing.
        if (plan is null || (!plan.IsPublic && !actor.IsStaffOfRegion(plan.RegionId)))
            return Error.NotFound("plan.not-found", "Planen finns inte.");
        if (actor.Require(actor.IsStaffOfRegion(plan.RegionId)) is { } denied) return denied;
        return plan;
    }

    public static async Task<Result<(CulturePlan Plan, PlanGoal Goal)>> LoadEditableGoalAsync(SamverkanDb db, Actor actor, Guid goalId, CancellationToken ct)
    {
        var planId = await db.PlanGoals.Where(g => g.Id == goalId).Select(g => (Guid?)g.PlanId).FirstOrDefaultAsync(ct);
        if (planId is null)
            return actor.IsAuthenticated ? Error.NotFound("goal.not-found", "Målet finns inte.") : Error.Unauthenticated();
        var plan = await LoadEditableAsync(db, actor, planId.Value, ct);
        if (!plan.IsSuccess) return plan.Error!;
        return (plan.Value, plan.Value.Goals.Single(g => g.Id == goalId));
    }

    /// <summary>Checks that a parent goal and development area belong to the same plan, and that no cycle forms.</summary>
    public static Error? CheckPlacement(CulturePlan plan, Guid? goalId, Guid? parentId, Guid? developmentAreaId)
    {
        if (parentId is not null)
        {
            var parent = plan.Goals.FirstOrDefault(g => g.Id == parentId);
            if (parent is null)
                return Error.Validation("goal.parent-invalid", "Det överordnade målet hör inte till den här planen.", "parentId");
            for (var p = parent; p is not null; p = plan.Goals.FirstOrDefault(g => g.Id == p.ParentId))
                if (p.Id == goalId)
                    return Error.Validation("goal.parent-cycle", "Ett mål kan inte ligga under sig självt.", "parentId");
        }
        if (developmentAreaId is not null && plan.DevelopmentAreas.All(a => a.Id != developmentAreaId))
            return Error.Validation("goal.area-invalid", "Utvecklingsområdet hör inte till den här planen.", "developmentAreaId");
        return null;
    }
}

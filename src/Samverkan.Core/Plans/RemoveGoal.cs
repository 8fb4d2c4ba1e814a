using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Plans;

/// <summary>Removes a goal that has no sub-goals (sub-goals must be moved or removed first, so nothing disappears by surprise).</summary>
public sealed class RemoveGoal(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<Done>> ExecuteAsync(Guid goalId, CancellationToken ct = default)
    {
        var loaded = await PlanEditing.LoadEditableGoalAsync(db, actors.Current, goalId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (plan, goal) = loaded.Value;
        if (plan.Goals.Any(g => g.ParentId == goal.Id))
            return Error.Conflict("goal.has-children", "Målet har delmål. Flytta eller ta bort dem först.");
        db.PlanGoals.Remove(goal);
        plan.Version++;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Plans;

public sealed record UpdateGoalCommand(
    Guid GoalId, string Title, string? Description, Guid? ParentId, Guid? DevelopmentAreaId,
    IReadOnlyList<IndicatorInput>? Indicators);

/// <summary>Edits a goal: its text, its place in the tree and its indicators (replaced as a whole).</summary>
public sealed class UpdateGoal(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<Done>> ExecuteAsync(UpdateGoalCommand command, CancellationToken ct = default)
    {
        var loaded = await PlanEditing.LoadEditableGoalAsync(db, actors.Current, command.GoalId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (plan, goal) = loaded.Value;
        if (PlanRules.Title(command.Title, "goal.title-required") is { } e1) return e1;
        if (PlanEditing.CheckPlacement(plan, goal.Id, command.ParentId, command.DevelopmentAreaId) is { } e2) return e2;
        var indicators = IndicatorRules.Build(command.Indicators);
        if (!indicators.IsSuccess) return indicators.Error!;

        goal.Title = command.Title.Trim();
        goal.Description = command.Description?.Trim();
        goal.ParentId = command.ParentId;
        goal.DevelopmentAreaId = command.DevelopmentAreaId;
        if (command.Indicators is not null)
        {
            db.GoalIndicators.RemoveRange(goal.Indicators);
            goal.Indicators.Clear();
            goal.Indicators.AddRange(indicators.Value);
        }
        plan.Version++;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

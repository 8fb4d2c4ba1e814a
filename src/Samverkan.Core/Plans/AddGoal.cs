using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Plans;

public sealed record IndicatorInput(string Name, string Unit, decimal? Baseline, int? BaselineYear, decimal? Target, int? TargetYear);

public sealed record AddGoalCommand(
    Guid PlanId, string Title, string? Description = null, Guid? ParentId = null, Guid? DevelopmentAreaId = null,
    IReadOnlyList<IndicatorInput>? Indicators = null);

/// <summary>Adds a goal (or sub-goal) to a plan's goal tree.</summary>
public sealed class AddGoal(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<Guid>> ExecuteAsync(AddGoalCommand command, CancellationToken ct = default)
    {
        var loaded = await PlanEditing.LoadEditableAsync(db, actors.Current, command.PlanId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var plan = loaded.Value;
        if (PlanRules.Title(command.Title, "goal.title-required") is { } e1) return e1;
        if (PlanEditing.CheckPlacement(plan, null, command.ParentId, command.DevelopmentAreaId) is { } e2) return e2;
        var indicators = IndicatorRules.Build(command.Indicators);
        if (!indicators.IsSuccess) return indicators.Error!;

        var goal = new PlanGoal
        {
            PlanId = plan.Id,
            ParentId = command.ParentId,
            DevelopmentAreaId = command.DevelopmentAreaId,
            Title = command.Title.Trim(),
            Description = command.Description?.Trim(),
            SortOrder = plan.Goals.Where(g => g.ParentId == command.ParentId).Select(g => g.SortOrder).DefaultIfEmpty(0).Max() + 1,
            Indicators = indicators.Value,
        };
        plan.Goals.Add(goal);
        plan.Version++;
        await db.SaveChangesAsync(ct);
        return goal.Id;
    }
}

internal static class IndicatorRules
{
    public static Result<List<GoalIndicator>> Build(IReadOnlyList<IndicatorInput>? inputs)
    {
        var list = new List<GoalIndicator>();
        foreach (var (input, i) in (inputs ?? []).Select((x, i) => (x, i)))
        {
            if (string.IsNullOrWhiteSpace(input.Name))
                return Error.Validation("indicator.name-required", $"Indikator {i + 1} saknar namn.", $"indicators[{i}].name");
            if (string.IsNullOrWhiteSpace(input.Unit))
                return Error.Validation("indicator.unit-required", $"Indikator {i + 1} saknar enhet.", $"indicators[{i}].unit");
            foreach (var year in new[] { input.BaselineYear, input.TargetYear })
                if (year is < PlanRules.MinYear or > PlanRules.MaxYear)
                    return Error.Validation("indicator.year-invalid", $"Indikator {i + 1} har ett år utanför {PlanRules.MinYear}–{PlanRules.MaxYear}.", $"indicators[{i}]");
            list.Add(new GoalIndicator
            {
                Name = input.Name.Trim(), Unit = input.Unit.Trim(), Baseline = input.Baseline, BaselineYear = input.BaselineYear,
                Target = input.Target, TargetYear = input.TargetYear,
            });
        }
        return list;
    }
}

using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Plans;

public sealed record AddMunicipalGoalCommand(string MunicipalityCode, int StartYear, int EndYear, int Number, string Text);

/// <summary>A municipality records one of its own goals for a period.</summary>
public sealed class AddMunicipalGoal(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<Guid>> ExecuteAsync(AddMunicipalGoalCommand command, CancellationToken ct = default)
    {
        var municipality = await MunicipalGoalAccess.LoadAsync(db, actors.Current, command.MunicipalityCode, ct);
        if (!municipality.IsSuccess) return municipality.Error!;
        if (MunicipalGoalAccess.Validate(command.StartYear, command.EndYear, command.Number, command.Text) is { } invalid) return invalid;
        var goal = new MunicipalGoal
        {
            OrganizationId = municipality.Value.Id,
            StartYear = command.StartYear,
            EndYear = command.EndYear,
            Number = command.Number,
            Text = command.Text.Trim(),
        };
        db.MunicipalGoals.Add(goal);
        await db.SaveChangesAsync(ct);
        return goal.Id;
    }
}

using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Plans;

public sealed record UpdateMunicipalGoalCommand(Guid GoalId, int StartYear, int EndYear, int Number, string Text);

/// <summary>Edits one of a municipality's own goals.</summary>
public sealed class UpdateMunicipalGoal(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<Done>> ExecuteAsync(UpdateMunicipalGoalCommand command, CancellationToken ct = default)
    {
        var goal = await db.MunicipalGoals.FirstOrDefaultAsync(g => g.Id == command.GoalId, ct);
        if (goal is null) return actors.Current.IsAuthenticated ? Error.NotFound("municipal-goal.not-found", "Målet finns inte.") : Error.Unauthenticated();
        var code = await db.Organizations.Where(o => o.Id == goal.OrganizationId).Select(o => o.Code).FirstAsync(ct);
        var municipality = await MunicipalGoalAccess.LoadAsync(db, actors.Current, code, ct);
        if (!municipality.IsSuccess) return municipality.Error!;
        if (MunicipalGoalAccess.Validate(command.StartYear, command.EndYear, command.Number, command.Text) is { } invalid) return invalid;
        goal.StartYear = command.StartYear;
        goal.EndYear = command.EndYear;
        goal.Number = command.Number;
        goal.Text = command.Text.Trim();
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Plans;

public sealed record AddDevelopmentAreaCommand(Guid PlanId, string Title, string? Description = null);

/// <summary>Adds a development area (priority) to a plan; goals can then be placed under it.</summary>
public sealed class AddDevelopmentArea(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<Guid>> ExecuteAsync(AddDevelopmentAreaCommand command, CancellationToken ct = default)
    {
        var loaded = await PlanEditing.LoadEditableAsync(db, actors.Current, command.PlanId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var plan = loaded.Value;
        if (PlanRules.Title(command.Title, "area.title-required") is { } e) return e;
        var area = new DevelopmentArea
        {
            PlanId = plan.Id,
            Title = command.Title.Trim(),
            Description = command.Description?.Trim(),
            SortOrder = plan.DevelopmentAreas.Select(a => a.SortOrder).DefaultIfEmpty(0).Max() + 1,
        };
        plan.DevelopmentAreas.Add(area);
        plan.Version++;
        await db.SaveChangesAsync(ct);
        return area.Id;
    }
}

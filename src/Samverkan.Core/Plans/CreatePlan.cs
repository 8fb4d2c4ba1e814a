using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Plans;

public sealed record CreatePlanCommand(
    string RegionCode, string Title, int StartYear, int EndYear, string? Reference = null,
    DateOnly? AdoptedOn = null, string? Status = null, string? Summary = null);

/// <summary>A region's staff start a new regional culture plan.</summary>
public sealed class CreatePlan(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<Guid>> ExecuteAsync(CreatePlanCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var region = await db.Organizations.FirstOrDefaultAsync(o => o.Code == command.RegionCode && o.Kind == OrganizationKind.Region, ct);
        if (region is null) return Error.NotFound("region.not-found", $"Det finns ingen region med kod {command.RegionCode}.");
        if (actor.Require(actor.IsStaffOfRegion(region.Id)) is { } denied) return denied;
        if (PlanRules.Title(command.Title) is { } e1) return e1;
        if (PlanRules.Period(command.StartYear, command.EndYear) is { } e2) return e2;
        if (PlanRules.Status(command.Status, out var status) is { } e3) return e3;

        var plan = new CulturePlan
        {
            RegionId = region.Id,
            Title = command.Title.Trim(),
            StartYear = command.StartYear,
            EndYear = command.EndYear,
            Reference = command.Reference?.Trim(),
            AdoptedOn = command.AdoptedOn,
            Status = status,
            Summary = command.Summary?.Trim(),
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }
}

using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Plans;

namespace Samverkan.FollowUp;

public sealed record OpenFollowUpRoundCommand(Guid PlanId, int Year, DateOnly? Deadline, string? Instructions);

/// <summary>
/// The region's staff open the yearly follow-up of a plan's agreements: one round per plan and year, with a deadline
/// and instructions. The agreements in force are worked out as the round goes (see <see cref="FollowUpStore.ScopeAsync"/>).
/// </summary>
public sealed class OpenFollowUpRound(SamverkanDb db, ActorContext actors, GetFollowUpRound get, TimeProvider clock) : IUseCase
{
    public async Task<Result<FollowUpRoundView>> ExecuteAsync(OpenFollowUpRoundCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        if (command.PlanId == Guid.Empty) return Error.Validation("follow-up.plan-required", "Ange vilken plan som ska följas upp (planId).", "planId");
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.PlanId, ct);
        var staff = plan is not null && actor.IsStaffOfRegion(plan.RegionId);
        // A draft plan is the region's own work in progress: others are told it does not exist.
        if (plan is null || (!plan.IsPublic && !staff)) return Error.NotFound("plan.not-found", "Planen finns inte.");
        if (!staff) return Error.Forbidden("Bara regionens handläggare kan öppna en uppföljning av regionens plan.");
        if (plan.Status == PlanStatus.Draft)
            return Error.Validation("follow-up.plan-not-adopted", "Planen är ett utkast. Bara en antagen plan kan följas upp.", "planId");
        if (command.Year < plan.StartYear || command.Year > plan.EndYear)
            return Error.Validation("follow-up.year-outside-plan",
                $"Året måste ligga inom planens period {plan.StartYear}–{plan.EndYear}.", "year");
        if (command.Deadline is not { } deadline)
            return Error.Validation("follow-up.deadline-required", "Ange sista dag för svar.", "deadline");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (deadline < today)
            return Error.Validation("follow-up.deadline-passed", $"Sista dag för svar kan inte ha passerat ({deadline:yyyy-MM-dd}).", "deadline");
        if (deadline < new DateOnly(command.Year, 1, 1))
            return Error.Validation("follow-up.deadline-invalid", $"Sista dag för svar kan inte ligga före {command.Year}.", "deadline");
        var instructions = string.IsNullOrWhiteSpace(command.Instructions) ? null : command.Instructions.Trim();
        if (instructions?.Length > FollowUpLimits.Instructions)
            return Error.Validation("follow-up.instructions-too-long", $"Instruktionerna får vara högst {FollowUpLimits.Instructions} tecken.", "instructions");
        if (await db.Set<FollowUpRound>().AnyAsync(r => r.RegionId == plan.RegionId && r.PlanId == plan.Id && r.Year == command.Year, ct))
            return Exists(command.Year);

        var round = new FollowUpRound
        {
            RegionId = plan.RegionId, PlanId = plan.Id, Year = command.Year, Deadline = deadline, Instructions = instructions,
            Status = RoundStatuses.Open, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByUserId = actor.UserId, CreatedByName = actor.Name,
        };
        db.Add(round);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Data.NulInTextException.In(e) is null) // a NUL is bad input (Data/NulGuard), not a conflict
        {
            // Opened by someone else at the same moment: the unique (region, plan, year) index keeps theirs.
            db.ChangeTracker.Clear();
            return Exists(command.Year);
        }
        return await get.ExecuteAsync(round.Id, ct);
    }

    private static Error Exists(int year) =>
        Error.Conflict("follow-up.round-exists", $"Det finns redan en uppföljning av planen för {year}.");
}

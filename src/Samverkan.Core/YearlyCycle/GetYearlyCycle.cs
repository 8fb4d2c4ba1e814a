using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Dialogue;
using Samverkan.FollowUp;
using Samverkan.Plans;

namespace Samverkan.YearlyCycle;

public sealed record YearlyCycleView(OrganizationRef Region, int Year, IReadOnlyList<MonthView> Months, int Milestones);

public sealed record MonthView(int Month, string Name, IReadOnlyList<Milestone> Milestones);

/// <summary>One thing that happens on a day; several of the same kind on the same day are one milestone with <see cref="Items"/>.</summary>
/// <param name="Assumed">The date is an assumption (a configured state date), not a fact from the data.</param>
public sealed record Milestone(DateOnly Date, string Kind, string KindName, string Title, string? Detail, string? Link, bool Assumed,
    IReadOnlyList<MilestoneItem> Items);

public sealed record MilestoneItem(string Title, string? Link);

public static class MilestoneKinds
{
    public const string Plan = "plan";
    public const string Agreement = "agreement";
    public const string FollowUp = "follow-up";
    public const string Dialogue = "dialogue";
    public const string State = "state";

    public static string SwedishName(string kind) => kind switch
    {
        Plan => "Kulturplan",
        Agreement => "Överenskommelse",
        FollowUp => "Uppföljning",
        Dialogue => "Dialog",
        State => "Staten",
        _ => kind,
    };
}

/// <summary>
/// The region's year (årshjul), from the data itself: plan periods and adoption, agreements' periods and signatures,
/// follow-up rounds, dialogue meetings, and the yearly reports to the state. What the visitor sees follows the records'
/// own rules: adopted plans, signed agreements and approved minutes are public; rounds and draft minutes need an account.
/// </summary>
public sealed class GetYearlyCycle(SamverkanDb db, ActorContext actors, DialogueStore dialogue, YearlyCycleOptions options) : IUseCase
{
    private sealed record Raw(DateOnly Date, string Kind, string Title, string? Detail, string? Link, bool Assumed = false, string? ItemTitle = null);

    public async Task<Result<YearlyCycleView>> ExecuteAsync(string? regionCode, int? year, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (string.IsNullOrWhiteSpace(regionCode)) return Error.Validation("cycle.region-required", "Ange vilken region (region=20).", "region");
        var region = await dialogue.RegionAsync(regionCode, ct);
        if (region is null) return Error.NotFound("region.not-found", $"Det finns ingen region med kod {regionCode}.");
        if (year is not { } y) return Error.Validation("cycle.year-required", "Ange vilket år (year=2025).", "year");
        if (y is < 2000 or > 2100) return Error.Validation("cycle.year-invalid", "Året måste ligga mellan 2000 och 2100.", "year");
        var first = new DateOnly(y, 1, 1);
        var last = new DateOnly(y, 12, 31);
        bool InYear(DateOnly? d) => d is { } x && x >= first && x <= last;
        var raw = new List<Raw>();

        var staff = actor.IsStaffOfRegion(region.Id);
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.RegionId == region.Id && (p.Status != PlanStatus.Draft || staff) && p.StartYear <= y + 1 && p.EndYear >= y - 1)
            .ToListAsync(ct);
        foreach (var p in plans)
        {
            var link = $"/planer/{p.Id}";
            if (p.StartYear == y) raw.Add(new(first, MilestoneKinds.Plan, $"Planperioden börjar: {p.Title}", $"{p.StartYear}–{p.EndYear}", link));
            if (p.EndYear == y) raw.Add(new(last, MilestoneKinds.Plan, $"Planperioden slutar: {p.Title}", $"{p.StartYear}–{p.EndYear}", link));
            if (InYear(p.AdoptedOn)) raw.Add(new(p.AdoptedOn!.Value, MilestoneKinds.Plan, $"Kulturplanen antas: {p.Title}", p.Reference, link));
        }

        // Signed agreements are public records; their periods and signatures are the year's agreement milestones.
        var agreements = await db.Set<Agreement>().AsNoTracking()
            .Where(a => a.RegionId == region.Id && a.SignedVersion != null)
            .Select(a => new { a.Id, a.Title, a.PeriodFrom, a.PeriodTo, a.SignedVersion })
            .ToListAsync(ct);
        foreach (var a in agreements)
        {
            var link = $"/offentligt/overenskommelser/{a.Id}";
            if (InYear(a.PeriodFrom)) raw.Add(new(a.PeriodFrom!.Value, MilestoneKinds.Agreement, "Överenskommelser börjar gälla", null, link, ItemTitle: a.Title));
            if (InYear(a.PeriodTo)) raw.Add(new(a.PeriodTo!.Value, MilestoneKinds.Agreement, "Överenskommelser upphör att gälla", null, link, ItemTitle: a.Title));
        }
        var ids = agreements.Select(a => a.Id).ToList();
        var signed = agreements.ToDictionary(a => a.Id);
        var signatures = await db.Set<AgreementSignature>().AsNoTracking().Where(s => ids.Contains(s.AgreementId))
            .Select(s => new { s.AgreementId, s.Version, s.Date, s.At, s.OrganizationId }).ToListAsync(ct);
        // The day an agreement was signed is the last party's signature on the version in force.
        foreach (var g in signatures.Where(s => s.Version == signed[s.AgreementId].SignedVersion).GroupBy(s => s.AgreementId))
        {
            var day = g.Max(s => s.Date ?? DateOnly.FromDateTime(s.At));
            if (InYear(day)) raw.Add(new(day, MilestoneKinds.Agreement, "Överenskommelser undertecknas", null, $"/offentligt/overenskommelser/{g.Key}",
                ItemTitle: signed[g.Key].Title));
        }

        if (actor.IsAuthenticated)
        {
            var rounds = await db.Set<FollowUpRound>().AsNoTracking().Where(r => r.RegionId == region.Id).ToListAsync(ct);
            foreach (var r in rounds)
            {
                var opened = DateOnly.FromDateTime(r.CreatedAt);
                if (InYear(opened)) raw.Add(new(opened, MilestoneKinds.FollowUp, $"Uppföljningen av {r.Year} öppnas", r.Instructions is null ? null : Shorten(r.Instructions), null));
                if (InYear(r.Deadline)) raw.Add(new(r.Deadline, MilestoneKinds.FollowUp, $"Sista dag för uppföljningen av {r.Year}", null, null));
                if (r.ClosedAt is { } closedAt && InYear(DateOnly.FromDateTime(closedAt)))
                    raw.Add(new(DateOnly.FromDateTime(closedAt), MilestoneKinds.FollowUp, $"Uppföljningen av {r.Year} stängs", null, null));
            }
        }

        var meetings = await db.Set<DialogueMeeting>().AsNoTracking()
            .Where(m => m.RegionId == region.Id && m.Date >= first && m.Date <= last).ToListAsync(ct);
        foreach (var m in meetings.Where(m => DialogueAccess.CanRead(actor, m)))
            raw.Add(new(m.Date, MilestoneKinds.Dialogue, m.Title,
                string.Join(", ", new[] { m.Place, m.Status == MinutesStatuses.Draft ? "protokollet är ett utkast" : null }.OfType<string>()) is { Length: > 0 } d ? d : null,
                $"/dialog/{m.Id}"));

        foreach (var s in options.StateReports)
            raw.Add(new(new DateOnly(y, s.Month, Math.Min(s.Day, DateTime.DaysInMonth(y, s.Month))), MilestoneKinds.State, s.Title, s.Detail, null, s.Assumed));

        // Many agreements start on the same day: one milestone lists them all.
        var milestones = raw
            .GroupBy(r => r.ItemTitle is null ? (r.Date, r.Kind, r.Title, Unique: Guid.NewGuid()) : (r.Date, r.Kind, r.Title, Unique: Guid.Empty))
            .Select(g =>
            {
                var firstRaw = g.First();
                var items = g.Where(r => r.ItemTitle is not null).OrderBySwedish(r => r.ItemTitle!).Select(r => new MilestoneItem(r.ItemTitle!, r.Link)).ToList();
                return new Milestone(firstRaw.Date, firstRaw.Kind, MilestoneKinds.SwedishName(firstRaw.Kind), firstRaw.Title, firstRaw.Detail,
                    items.Count == 0 ? firstRaw.Link : null, firstRaw.Assumed, items);
            })
            .OrderBy(m => m.Date).ThenBy(m => KindOrder(m.Kind)).ThenBy(m => m.Title, SwedishText.Comparer)
            .ToList();
        var culture = SwedishText.Culture;
        var months = Enumerable.Range(1, 12)
            .Select(month => new MonthView(month, culture.TextInfo.ToTitleCase(culture.DateTimeFormat.GetMonthName(month)),
                milestones.Where(m => m.Date.Month == month).ToList()))
            .ToList();
        return new YearlyCycleView(DialogueStore.Ref(region), y, months, milestones.Count);
    }

    private static int KindOrder(string kind) => kind switch
    {
        MilestoneKinds.Plan => 0,
        MilestoneKinds.Agreement => 1,
        MilestoneKinds.State => 2,
        MilestoneKinds.FollowUp => 3,
        _ => 4,
    };

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157].TrimEnd() + "…";
}

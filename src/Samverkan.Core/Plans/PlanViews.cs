namespace Samverkan.Plans;

public sealed record OrganizationRef(string Code, string Name);

public sealed record PlanSummary(
    Guid Id, OrganizationRef Region, string Title, int StartYear, int EndYear, string? Reference,
    DateOnly? AdoptedOn, string Status, int Version);

public sealed record PlanDetail(
    Guid Id, OrganizationRef Region, string Title, int StartYear, int EndYear, string? Reference,
    DateOnly? AdoptedOn, string Status, int Version, string? Summary,
    IReadOnlyList<DevelopmentAreaView> DevelopmentAreas, IReadOnlyList<GoalView> Goals);

public sealed record DevelopmentAreaView(Guid Id, string Title, string? Description, int SortOrder);

public sealed record GoalView(
    Guid Id, Guid? ParentId, Guid? DevelopmentAreaId, string Title, string? Description, int SortOrder,
    IReadOnlyList<IndicatorView> Indicators, IReadOnlyList<GoalView> Children);

public sealed record IndicatorView(
    Guid Id, string Name, string Unit, decimal? Baseline, int? BaselineYear, decimal? Target, int? TargetYear);

public sealed record MunicipalGoalView(Guid Id, string MunicipalityCode, int StartYear, int EndYear, int Number, string Text);

internal static class PlanMapping
{
    public static PlanSummary ToSummary(this CulturePlan p, OrganizationRef region) =>
        new(p.Id, region, p.Title, p.StartYear, p.EndYear, p.Reference, p.AdoptedOn, p.Status.ToCode(), p.Version);

    public static PlanDetail ToDetail(this CulturePlan p, OrganizationRef region)
    {
        var byParent = p.Goals.ToLookup(g => g.ParentId);
        IReadOnlyList<GoalView> Tree(Guid? parent) => byParent[parent]
            .OrderBy(g => g.SortOrder)
            .Select(g => new GoalView(g.Id, g.ParentId, g.DevelopmentAreaId, g.Title, g.Description, g.SortOrder,
                g.Indicators.OrderBy(i => i.Name, StringComparer.Ordinal)
                    .Select(i => new IndicatorView(i.Id, i.Name, i.Unit, i.Baseline, i.BaselineYear, i.Target, i.TargetYear)).ToList(),
                Tree(g.Id)))
            .ToList();
        return new PlanDetail(p.Id, region, p.Title, p.StartYear, p.EndYear, p.Reference, p.AdoptedOn, p.Status.ToCode(), p.Version,
            p.Summary,
            p.DevelopmentAreas.OrderBy(a => a.SortOrder).Select(a => new DevelopmentAreaView(a.Id, a.Title, a.Description, a.SortOrder)).ToList(),
            Tree(null));
    }
}

public static class PlanPermissions
{
    /// <summary>Whether to offer editing; the use cases check again on every write.</summary>
    public static bool CanBeEditedBy(this PlanDetail plan, Common.Actor actor) =>
        actor.IsRegionStaff && actor.OrganizationCode == plan.Region.Code;

    public static IEnumerable<(GoalView Goal, int Depth)> Flatten(this IEnumerable<GoalView> goals, int depth = 0) =>
        goals.SelectMany(g => new[] { (g, depth) }.Concat(g.Children.Flatten(depth + 1)));
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Organizations;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser;

/// <summary>
/// The region's municipal agreements side by side: a matrix of municipalities against plan goals or collaboration
/// areas, the same read per municipality as a list, and the CSV of the API. Open to everyone; the use case decides
/// which versions each person sees.
/// </summary>
public sealed class AgreementComparisonModel(
    CompareAgreements compare, ListRegions regions, ListPlans plans, GetPlan getPlan, ActorContext actors, IConfiguration configuration,
    TimeProvider clock) : PageModel
{
    public const string ByGoal = "mal";
    public const string ByArea = "omrade";
    public const string AsListView = "lista";

    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "ar")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "per")] public string? By { get; set; }
    [BindProperty(SupportsGet = true, Name = "mal")] public Guid? Goal { get; set; }
    [BindProperty(SupportsGet = true, Name = "visning")] public string? View { get; set; }

    public IReadOnlyList<RegionView> Regions { get; private set; } = [];

    /// <summary>The years to choose from, each under the plan whose period holds it (null: a year no plan covers).</summary>
    public IReadOnlyList<(PlanSummary? Plan, IReadOnlyList<int> Years)> YearGroups { get; private set; } = [];

    /// <summary>The goals of the plan in force, for "who committed to goal X", grouped by development area.</summary>
    public IReadOnlyList<(string? Area, IReadOnlyList<(GoalView Goal, int Depth)> Goals)> GoalGroups { get; private set; } = [];

    public AgreementComparison? Comparison { get; private set; }

    /// <summary>Why there is no matrix when the choice itself was fine (no plan in force to compare goals by).</summary>
    public string? Missing { get; private set; }

    public bool AsList => View == AsListView;
    /// <summary>Which versions the person compares, in words: the use case shows staff every latest version, a party its own.</summary>
    public string WhatIsShown => actors.Current switch
    {
        var a when a.IsStaffOfCounty(Region) => "Du ser den senaste versionen av varje överenskommelse, även utkast.",
        { IsAuthenticated: true, OrganizationId: not null } =>
            "Du ser de undertecknade överenskommelserna och den senaste versionen av dem där din organisation är part.",
        _ => "Du ser de undertecknade överenskommelserna; utkast syns för parterna och regionens handläggare.",
    };
    public string RegionName => Regions.FirstOrDefault(r => r.Code == Region)?.Name ?? Region ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Regions = await regions.ExecuteAsync(ct);
        Region = HomeRegion.Pick(Region, actors.Current, configuration);
        By = By == ByArea ? ByArea : ByGoal;
        View = View == AsListView ? AsListView : "tabell";
        if (!ModelState.IsValid)
        {
            // Only the year and the goal can fail to bind (hand-written addresses); the year is the one to say something about.
            var badYear = ModelState["ar"]?.Errors.Count > 0;
            ModelState.Clear();
            if (badYear) ModelState.AddModelError("ar", "Ange året med fyra siffror, till exempel 2025.");
        }
        Year ??= clock.GetUtcNow().Year;

        var regionPlans = (await plans.ExecuteAsync(Region, ct)).Match(p => p, _ => []).Where(p => p.Status != "draft").ToList();
        YearGroups = GroupYears(regionPlans, Year.Value, clock.GetUtcNow().Year);

        var result = await compare.ExecuteAsync(Region, Year, By == ByArea ? ComparisonModes.Area : ComparisonModes.Goal, Goal, ct);
        if (result.IsSuccess) Comparison = result.Value;
        else if (result.Error!.Code == "comparison.plan-not-found")
            Missing = $"{result.Error.Message} Jämför per samverkansområde i stället, eller välj ett år som en antagen plan gäller.";
        else
            ModelState.AddModelError(result.Error.Field switch { "year" => "ar", "by" => "per", null when result.Error.Code == "goal.not-found" => "mal", var f => f ?? "" },
                result.Error.Message);

        if (Comparison?.Plan is { } plan && (await getPlan.ExecuteAsync(plan.Id, ct)).Match(p => (PlanDetail?)p, _ => null) is { } detail)
        {
            // In the order of the matrix's columns: development areas as the plan orders them, goals without one last.
            var areas = detail.DevelopmentAreas.ToDictionary(a => a.Id);
            GoalGroups = detail.Goals
                .GroupBy(g => g.DevelopmentAreaId is { } a && areas.TryGetValue(a, out var area) ? area : null)
                .OrderBy(g => g.Key?.SortOrder ?? int.MaxValue)
                .Select(g => (g.Key?.Title, (IReadOnlyList<(GoalView, int)>)g.Flatten().ToList()))
                .ToList();
        }
        return Page();
    }

    /// <summary>The CSV of the same choice, from the API (a plain link: the cookie signs the person in there too).</summary>
    public string CsvHref => WithQuery("/api/v1/agreement-comparisons.csv", new()
    {
        ["region"] = Region, ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["by"] = By == ByArea ? ComparisonModes.Area : ComparisonModes.Goal, ["goal"] = Goal?.ToString(),
    });

    /// <summary>This page with one choice changed.</summary>
    public string Href(string? view = null, string? by = null, bool keepGoal = true) => WithQuery("/overenskommelser/jamforelse", new()
    {
        ["region"] = Region, ["ar"] = Year?.ToString(CultureInfo.InvariantCulture), ["per"] = by ?? By,
        ["mal"] = keepGoal ? Goal?.ToString() : null, ["visning"] = view ?? View,
    });

    /// <summary>A plan by its title, with its period unless the title already says it.</summary>
    public static string PlanLabel(string title, int startYear, int endYear) =>
        title.Contains($"{startYear}–{endYear}", StringComparison.Ordinal) ? title : $"{title} ({startYear}–{endYear})";

    private static string WithQuery(string path, Dictionary<string, string?> query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)));

    private static List<(PlanSummary?, IReadOnlyList<int>)> GroupYears(List<PlanSummary> regionPlans, int chosen, int today)
    {
        var groups = new List<(PlanSummary?, IReadOnlyList<int>)>();
        var taken = new HashSet<int>();
        foreach (var plan in regionPlans.OrderByDescending(p => p.StartYear))
        {
            var years = Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1).Where(taken.Add).ToList();
            if (years.Count > 0) groups.Add((plan, years));
        }
        // Agreements are often drafted before the next plan is adopted: the years around today stay within reach.
        var around = Enumerable.Range(today - 1, 6).Append(chosen).Where(taken.Add).Order().ToList();
        if (around.Count > 0) groups.Add((null, around));
        return groups;
    }
}

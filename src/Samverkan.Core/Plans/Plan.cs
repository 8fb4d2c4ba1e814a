namespace Samverkan.Plans;

public enum PlanStatus
{
    Draft,
    Adopted,
    Archived,
}

/// <summary>A regional culture plan (regional kulturplan) for a span of years.</summary>
public sealed class CulturePlan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RegionId { get; set; }
    public required string Title { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }

    /// <summary>Diarienummer; the agreements of the period often share it.</summary>
    public string? Reference { get; set; }

    public DateOnly? AdoptedOn { get; set; }
    public PlanStatus Status { get; set; }
    public string? Summary { get; set; }

    /// <summary>Incremented on every change; clients send it back to detect stale edits.</summary>
    public int Version { get; set; } = 1;

    public List<DevelopmentArea> DevelopmentAreas { get; set; } = [];
    public List<PlanGoal> Goals { get; set; } = [];

    public bool IsPublic => Status != PlanStatus.Draft;
}

/// <summary>A development area or priority of a plan (utvecklingsområde / prioritering).</summary>
public sealed class DevelopmentArea
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
}

/// <summary>A goal in a plan's goal tree; sub-goals point to their parent.</summary>
public sealed class PlanGoal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public Guid? ParentId { get; set; }
    public Guid? DevelopmentAreaId { get; set; }
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public List<GoalIndicator> Indicators { get; set; } = [];
}

public sealed class GoalIndicator
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GoalId { get; set; }
    public required string Name { get; set; }
    public required string Unit { get; set; }
    public decimal? Baseline { get; set; }
    public int? BaselineYear { get; set; }
    public decimal? Target { get; set; }
    public int? TargetYear { get; set; }
}

/// <summary>A municipality's own goal for a period (Smedjebacken had seven for 2019–2022).</summary>
public sealed class MunicipalGoal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
}

public static class PlanStatuses
{
    public static string ToCode(this PlanStatus s) => s switch
    {
        PlanStatus.Draft => "draft",
        PlanStatus.Adopted => "adopted",
        PlanStatus.Archived => "archived",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static PlanStatus? Parse(string? code) => code?.ToLowerInvariant() switch
    {
        "draft" => PlanStatus.Draft,
        "adopted" => PlanStatus.Adopted,
        "archived" => PlanStatus.Archived,
        _ => null,
    };

    public static string SwedishName(this PlanStatus s) => s switch
    {
        PlanStatus.Draft => "Utkast",
        PlanStatus.Adopted => "Antagen",
        PlanStatus.Archived => "Arkiverad",
        _ => s.ToString(),
    };
}

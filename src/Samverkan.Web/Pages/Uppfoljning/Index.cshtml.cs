using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;
using Samverkan.FollowUp;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Pages.Overenskommelser;

namespace Samverkan.Web.Pages.Uppfoljning;

/// <summary>
/// The follow-up rounds of the signed-in user's region, each with its agreements and where every committing party's
/// answer stands. The region's staff open and close rounds here.
/// </summary>
[Authorize]
public sealed class FollowUpRoundsModel(
    ActorContext actors, ListFollowUpRounds list, GetFollowUpRound get, ListPlans plans, OpenFollowUpRound open, CloseFollowUpRound close) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "region")] public string? RegionCode { get; set; }

    /// <summary>Shows only this agreement's row in each round (the link from an agreement's page).</summary>
    [BindProperty(SupportsGet = true, Name = "overenskommelse")] public Guid? AgreementId { get; set; }

    [BindProperty] public RoundInput Input { get; set; } = new();

    public IReadOnlyList<FollowUpRoundView> Rounds { get; private set; } = [];
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public bool IsRegionStaff { get; private set; }

    public sealed class RoundInput
    {
        public Guid? PlanId { get; set; }
        public string? Year { get; set; }
        public DateOnly? Deadline { get; set; }
        public string? Instructions { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        Input.Year = $"{DateTime.UtcNow.Year - 1}";
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        if (!IsRegionStaff) return StatusCode(StatusCodes.Status403Forbidden);
        SwedishBindingErrors.Apply(ModelState);
        if (!int.TryParse(Input.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            ModelState.AddModelError("Input.Year", "Ange året som ska följas upp med fyra siffror, till exempel 2026.");
        if (!ModelState.IsValid) return Page();
        var result = await open.ExecuteAsync(new OpenFollowUpRoundCommand(Input.PlanId ?? Guid.Empty, year, Input.Deadline, Input.Instructions), ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        TempData["Notice"] = $"Uppföljningen för {result.Value.Year} är öppnad. Parterna kan nu fylla i sina svar.";
        return Redirect($"/uppfoljning#omgang-{result.Value.Id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid roundId, CancellationToken ct)
    {
        var result = await close.ExecuteAsync(roundId, ct);
        if (!result.IsSuccess)
        {
            if (result.Error!.Kind is ErrorKind.NotFound or ErrorKind.Forbidden or ErrorKind.Unauthenticated) return this.Show(result.Error);
            if (await LoadAsync(ct) is { } stop) return stop;
            return this.Show(result.Error, "");
        }
        TempData["Notice"] = $"Uppföljningen för {result.Value.Year} är stängd. Inga fler svar kan lämnas.";
        return Redirect($"/uppfoljning#omgang-{roundId}");
    }

    /// <summary>
    /// The reports the signed-in user may read for a round: the region's own accounts get the region's and every
    /// municipality's in it, a municipality's accounts their own (docs/decisions/0013-follow-up-reports.md).
    /// </summary>
    public IReadOnlyList<(string Name, string Url)> ReportLinks(FollowUpRoundView round)
    {
        var actor = actors.Current;
        // Municipality codes are four digits (docs/domain.md); the other parties of an agreement are the region and institutions.
        var municipalities = round.Agreements.SelectMany(a => a.Parties)
            .Where(p => p.Code.Length == 4 && p.Code.All(char.IsAsciiDigit))
            .DistinctBy(p => p.Code)
            .OrderBySwedish(p => p.Name)
            .ToList();
        if (actor.OrganizationCode == round.Region.Code)
            return [($"Rapport för hela regionen {round.Year}", FollowUpReportModel.ReportUrl(round.Year, ReportScopes.Region, round.Region.Code)),
                .. municipalities.Select(m => ($"Rapport för {m.Name} {round.Year}", FollowUpReportModel.ReportUrl(round.Year, ReportScopes.Municipality, m.Code)))];
        return municipalities.Where(m => m.Code == actor.OrganizationCode)
            .Select(m => ($"Rapport för {m.Name} {round.Year}", FollowUpReportModel.ReportUrl(round.Year, ReportScopes.Municipality, m.Code)))
            .ToList();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = actors.Current;
        IsRegionStaff = actor.IsRegionStaff;
        // A municipality's officer follows up with its own county's region; the county code is the first two digits of a municipality code.
        RegionCode ??= actor.IsRegionStaff ? actor.OrganizationCode : actor.CountyCode
            ?? (actor.OrganizationCode is { Length: 4 } code ? code[..2] : null);
        if (RegionCode is null)
        {
            Rounds = [];
            return null;
        }
        var summaries = await list.ExecuteAsync(RegionCode, null, ct);
        if (!summaries.IsSuccess) return this.Show(summaries.Error!);
        var rounds = new List<FollowUpRoundView>();
        foreach (var summary in summaries.Value)
        {
            var round = await get.ExecuteAsync(summary.Id, ct);
            if (round.IsSuccess) rounds.Add(round.Value);
        }
        Rounds = rounds;
        IsRegionStaff = rounds.Any(r => r.CanReview) || (actor.IsRegionStaff && actor.OrganizationCode == RegionCode);
        if (IsRegionStaff)
        {
            var all = await plans.ExecuteAsync(RegionCode, ct);
            Plans = all.IsSuccess ? all.Value.Where(p => p.Status != "draft").ToList() : [];
        }
        return null;
    }
}

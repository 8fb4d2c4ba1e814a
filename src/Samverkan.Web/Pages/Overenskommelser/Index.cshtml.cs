using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Organizations;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser;

public sealed class AgreementListModel(ListAgreements list, ListRegions regions, ActorContext actors, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "ar")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "part")] public string? Party { get; set; }

    public IReadOnlyList<RegionView> Regions { get; private set; } = [];
    public IReadOnlyList<AgreementSummary> Agreements { get; private set; } = [];
    public string Caption { get; private set; } = "";
    public string PartyName { get; private set; } = "";
    public bool SignedIn => actors.Current.IsAuthenticated;
    public bool CanCreate => actors.Current.IsRegionStaff;

    /// <summary>Templates are read by everyone signed in for an organization of the county (AgreementTemplates.CanRead).</summary>
    public bool SeesTemplates => actors.Current.IsAuthenticated && actors.Current.CountyCode is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Regions = await regions.ExecuteAsync(ct);
        Region = HomeRegion.Pick(Region, actors.Current, configuration);
        Party = string.IsNullOrWhiteSpace(Party) ? null : Party.Trim();
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("ar", "Ange året med fyra siffror, till exempel 2024.");
            Year = null;
        }
        var result = await list.ExecuteAsync(Region, Year, Party, ct);
        if (!result.IsSuccess && result.Error!.Kind == ErrorKind.Validation)
        {
            ModelState.AddModelError("ar", result.Error.Message);
            result = await list.ExecuteAsync(Region, null, Party, ct);
        }
        if (!result.IsSuccess) return this.Show(result.Error!);
        Agreements = string.IsNullOrEmpty(Status) ? result.Value : result.Value.Where(a => a.Status == Status).ToList();
        PartyName = Agreements.SelectMany(a => a.Parties).FirstOrDefault(p => p.Code == Party)?.Name ?? Party ?? "";
        var regionName = Regions.FirstOrDefault(r => r.Code == Region)?.Name ?? Region;
        Caption = $"Överenskommelser för {regionName}{(Year is null ? "" : $" som gäller {Year}")}" +
                  $"{(string.IsNullOrEmpty(Status) ? "" : $" med status {AgreementDisplay.StatusName(Status).ToLowerInvariant()}")} ({Agreements.Count} st.)";
        return Page();
    }
}

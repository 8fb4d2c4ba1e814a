using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Organizations;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Offentligt.Overenskommelser;

/// <summary>The public list: the same for everyone, signed in or not.</summary>
public sealed class PublicAgreementListModel(ListPublicAgreements list, ListRegions regions, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "ar")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "part")] public string? Party { get; set; }

    public IReadOnlyList<RegionView> Regions { get; private set; } = [];
    public IReadOnlyList<AgreementSummary> Agreements { get; private set; } = [];
    public string Caption { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Regions = await regions.ExecuteAsync(ct);
        Region = HomeRegion.Pick(Region, configuration);
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
            Year = null;
            result = await list.ExecuteAsync(Region, null, Party, ct);
        }
        if (!result.IsSuccess) return this.Show(result.Error!);
        Agreements = result.Value;
        var regionName = Regions.FirstOrDefault(r => r.Code == Region)?.Name ?? Region;
        var partyName = Agreements.SelectMany(a => a.Parties).FirstOrDefault(p => p.Code == Party)?.Name ?? Party;
        Caption = $"Undertecknade överenskommelser för {regionName}{(Year is null ? "" : $" som gäller {Year}")}" +
                  $"{(Party is null ? "" : $" där {partyName} är part")} ({Agreements.Count} st.)";
        return Page();
    }
}

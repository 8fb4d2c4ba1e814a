using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Organizations;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Organisationer;

public sealed class OrganizationModel(GetOrganization get, ListMunicipalities municipalities) : PageModel
{
    public OrganizationDetail Organization { get; private set; } = null!;
    public IReadOnlyList<MunicipalityView> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var result = await get.ExecuteAsync(code, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        if (result.Value.Kind == "municipality") return Redirect($"/kommuner/{code}");
        Organization = result.Value;
        if (Organization.Kind == "region")
            Municipalities = (await municipalities.ExecuteAsync(Organization.CountyCode, ct)).Value;
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser;

public sealed class AgreementDetailModel(
    GetAgreement get, GetAgreementActions actions, ListAgreementVersions versions,
    ChangeAgreementStatus change, ApproveAgreement approve, StartAmendment amend, GetTemplateDepartures departures) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "version")] public int? VersionNumber { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    public AgreementContent Agreement { get; private set; } = null!;
    public AgreementActions Actions { get; private set; } = null!;
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];
    public bool WithdrawOpen { get; private set; }

    /// <summary>For an agreement drafted from a template: how its latest version stands against the template, section by section.</summary>
    public TemplateDepartures? Departures { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostStatusAsync(string to, CancellationToken ct)
    {
        var result = await change.ExecuteAsync(Id, to, ct);
        return await AfterAsync(result.Error, to switch
        {
            AgreementStatuses.Negotiation => "Överenskommelsen är skickad till förhandling. Motparten har fått besked.",
            AgreementStatuses.Draft => "Överenskommelsen är tillbaka som utkast.",
            _ => "Status är ändrad.",
        }, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (!Confirm)
        {
            WithdrawOpen = true;
            ModelState.AddModelError("confirmWithdraw", "Kryssa i att du vill återkalla överenskommelsen.");
            return await LoadAsync(ct) ?? Page();
        }
        var result = await change.ExecuteAsync(Id, AgreementStatuses.Withdrawn, ct);
        return await AfterAsync(result.Error, "Överenskommelsen är återkallad.", ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(int version, CancellationToken ct)
    {
        var result = await approve.ExecuteAsync(Id, version, RequestInfoOf(HttpContext), ct);
        var notice = result.IsSuccess && result.Value.Status == AgreementStatuses.Agreed
            ? $"Version {version} är godkänd av alla parter och kan nu skrivas under."
            : $"Version {version} är godkänd för din part. Motparten har fått besked.";
        return await AfterAsync(result.Error, notice, ct);
    }

    public async Task<IActionResult> OnPostAmendAsync(CancellationToken ct)
    {
        var result = await amend.ExecuteAsync(Id, null, ct);
        if (!result.IsSuccess) return await AfterAsync(result.Error, "", ct);
        TempData["Notice"] = $"En ändring är startad som version {result.Value.Version}. Den undertecknade versionen gäller tills ändringen är undertecknad.";
        return Redirect($"/overenskommelser/{Id}/redigera");
    }

    internal static RequestInfo RequestInfoOf(HttpContext http) =>
        new(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());

    private async Task<IActionResult> AfterAsync(Error? error, string notice, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Notice"] = notice;
            return Redirect($"/overenskommelser/{Id}");
        }
        VersionNumber = null;
        if (await LoadAsync(ct) is { } stop) return stop;
        return this.Show(error);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var content = await get.ExecuteAsync(Id, VersionNumber, ct);
        if (!content.IsSuccess) return this.Show(content.Error!);
        var can = await actions.ExecuteAsync(Id, ct);
        if (!can.IsSuccess) return this.Show(can.Error!);
        Agreement = content.Value;
        Actions = can.Value;
        Versions = (await versions.ExecuteAsync(Id, ct)).Match(v => v, _ => []);
        if (Actions.TemplateId is not null)
            Departures = (await departures.ExecuteAsync(Id, ct)).Match(d => d, _ => (TemplateDepartures?)null);
        return null;
    }
}

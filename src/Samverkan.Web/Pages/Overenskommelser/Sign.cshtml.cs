using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser;

/// <summary>Signs the agreed version for the actor's party, electronically or as a record of a paper signature.</summary>
[Authorize]
public sealed class AgreementSignModel(GetAgreement get, GetAgreementActions actions, ListAgreementVersions versions, SignAgreement sign, TimeProvider clock)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "satt")] public string? Method { get; set; }
    [BindProperty] public SignInput Input { get; set; } = new();

    public AgreementActions Actions { get; private set; } = null!;
    public AgreementContent Agreement { get; private set; } = null!;
    public VersionSummary? AgreedVersion { get; private set; }
    public string PartyName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        if (!Actions.CanSign) return Page();
        var line = Agreement.Signatures.FirstOrDefault(s => s.Party == Actions.ActingPartyCode && s.SignedAt is null);
        Input = new SignInput
        {
            Version = Actions.AgreedVersion ?? 0,
            Name = line?.Name,
            Role = line?.Role,
            Place = line?.Place,
            Date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), SwedishTime).DateTime),
            Method = Actions.SignatureMethods.Contains(Method ?? "") ? Method! : Actions.SignatureMethods[0],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        if (!Input.Confirm)
            ModelState.AddModelError("Input.Confirm", Input.Method == "paper"
                ? "Kryssa i att underskriften finns på papper."
                : "Kryssa i att du har läst versionen och skriver under den.");
        SwedishBindingErrors.Apply(ModelState);
        if (!ModelState.IsValid) return Page();
        var result = await sign.ExecuteAsync(new SignAgreementCommand(Id, Input.Version, Input.Name ?? "", AgreementInput.Blank(Input.Role),
            AgreementInput.Blank(Input.Place), Input.Date, Input.Method), AgreementDetailModel.RequestInfoOf(HttpContext), ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        TempData["Notice"] = result.Value.Status is AgreementStatuses.Signed or AgreementStatuses.Active or AgreementStatuses.Expired
            ? $"Alla parter har skrivit under version {Input.Version}. Överenskommelsen är undertecknad och offentlig."
            : $"Underskriften för {PartyName} är registrerad. Motparten har fått besked.";
        return Redirect($"/overenskommelser/{Id}");
    }

    private static readonly TimeZoneInfo SwedishTime = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var can = await actions.ExecuteAsync(Id, ct);
        if (!can.IsSuccess) return this.Show(can.Error!);
        if (!can.Value.SeesWork) return NotFound();
        Actions = can.Value;
        var content = await get.ExecuteAsync(Id, Actions.AgreedVersion, ct);
        if (!content.IsSuccess) return this.Show(content.Error!);
        Agreement = content.Value;
        AgreedVersion = (await versions.ExecuteAsync(Id, ct)).Match(v => v, _ => []).FirstOrDefault(v => v.Number == Actions.AgreedVersion);
        PartyName = Actions.ActingPartyCode is null ? "" : AgreementDisplay.PartyName(Agreement.Parties, Actions.ActingPartyCode);
        return null;
    }

    public sealed class SignInput
    {
        public int Version { get; set; }
        public string? Name { get; set; }
        public string? Role { get; set; }
        public string? Place { get; set; }
        public DateOnly? Date { get; set; }
        public string Method { get; set; } = "electronic";
        public bool Confirm { get; set; }
    }
}

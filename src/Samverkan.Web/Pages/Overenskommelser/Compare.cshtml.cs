using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser;

public sealed partial class AgreementCompareModel(DiffAgreementVersions diff, ListAgreementVersions versions, GetAgreement get, GetAgreementActions actions)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "fran")] public int? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "till")] public int? To { get; set; }

    public AgreementDiff? Diff { get; private set; }
    public IReadOnlyList<int> Numbers { get; private set; } = [];
    public AgreementContent Agreement { get; private set; } = null!;
    public AgreementActions Actions { get; private set; } = null!;
    public int WordsInserted { get; private set; }
    public int WordsDeleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await versions.ExecuteAsync(Id, ct);
        if (!list.IsSuccess) return this.Show(list.Error!);
        var content = await get.ExecuteAsync(Id, null, ct);
        if (!content.IsSuccess) return this.Show(content.Error!);
        var can = await actions.ExecuteAsync(Id, ct);
        if (!can.IsSuccess) return this.Show(can.Error!);
        Agreement = content.Value;
        Actions = can.Value;
        Numbers = list.Value.Select(v => v.Number).OrderBy(n => n).ToList();
        if (Numbers.Count < 2 && From is null && To is null) return Page();
        To ??= Numbers[^1];
        From ??= Numbers.LastOrDefault(n => n < To.Value, Numbers[0]);
        var result = await diff.ExecuteAsync(Id, From.Value, To.Value, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Diff = result.Value;
        // Counted as words a person sees; the diff's own counts include the spaces between words.
        WordsInserted = Diff.Segments.Where(s => s.Op == "insert").Sum(s => Word().Count(s.Text));
        WordsDeleted = Diff.Segments.Where(s => s.Op == "delete").Sum(s => Word().Count(s.Text));
        return Page();
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();
}

using Samverkan.Agreements;

namespace Samverkan.Web.Pages.Overenskommelser;

/// <summary>
/// What the shared editor fields (<c>_AgreementEditor</c>) need: the input, the parties a commitment or signatory
/// can name (real parties for an agreement, the placeholder parties for a template) and the page's own words.
/// </summary>
public sealed record AgreementEditorView(AgreementInput Input, IReadOnlyList<PartyRef> Parties, string SaveLabel, string FactsLegend, string? TitleHint = null);

/// <summary>A save refused as stale: the version the person started from, the one saved since, and what differs.</summary>
public sealed record StaleEdit(int YourVersion, int CurrentVersion, IReadOnlyList<DiffSegment> Changes);

/// <summary>
/// The stale panel (<c>_StaleEdit</c>), placed inside the editor form; <paramref name="CompareHref"/> is a page comparing
/// the two versions in full (null when there is none).
/// </summary>
public sealed record StaleEditView(
    StaleEdit Stale, string ReloadHref, string? CompareHref, string ChangesHeading, string InsertLabel, string DeleteLabel, string OverwriteNote);

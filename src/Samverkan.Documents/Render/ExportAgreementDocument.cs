using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Documents.Render;

public sealed record ExportedDocument(byte[] Content, string FileName, string MediaType);

/// <summary>
/// Any version of an agreement as the official PDF or Word document, with the issuing region's letterhead
/// and, for a signed version, the signing data and its version hash. Visibility follows <see cref="GetAgreement"/>.
/// </summary>
public sealed class ExportAgreementDocument(SamverkanDb db, GetAgreement agreements, AgreementStore store, RenderAgreementDocument renderer) : IUseCase
{
    public async Task<Result<ExportedDocument>> ExecuteAsync(Guid id, string? format, int? version, CancellationToken ct = default)
    {
        if (!AgreementDocumentFormats.TryParse(format ?? "pdf", out var parsed) || parsed is null)
            return Error.Validation("document.format-invalid", "Formatet måste vara pdf eller docx.", "format");
        var content = await agreements.ExecuteAsync(id, version, ct);
        if (!content.IsSuccess) return content.Error!;
        var c = content.Value;
        var loaded = (await store.FindAsync(id, ct, track: false))!;
        var stored = (await store.VersionAsync(id, c.Version, ct))!;
        var issuer = loaded.Region;
        var signatures = await db.Set<AgreementSignature>().AsNoTracking()
            .Where(s => s.AgreementId == id && s.Version == c.Version).OrderBy(s => s.At).ToListAsync(ct);
        var partyNames = loaded.Parties.ToDictionary(p => p.Id, p => p.DisplayName);
        var model = new AgreementDocumentModel
        {
            Content = c,
            IssuingParty = new IssuingParty
            {
                Name = issuer.DisplayName,
                PostalAddress = Lines(issuer.PostalAddress),
                VisitingAddress = Lines(issuer.VisitingAddress),
                Phone = issuer.Phone,
                Web = issuer.Website,
                OrganisationNumber = issuer.OrganizationNumber,
            },
            SigningRecords = signatures.Select(s => new SigningRecord
            {
                PartyName = partyNames.GetValueOrDefault(s.OrganizationId, ""),
                SignatoryName = s.Name,
                Role = s.Role,
                Place = s.Place,
                Date = s.Date ?? DateOnly.FromDateTime(s.At),
                SignedAt = s.At,
                Method = s.Method,
            }).ToList(),
            VersionHash = signatures.Count > 0 ? stored.Hash : null,
            VersionNumber = c.Version,
            CreatedAt = stored.CreatedAt,
        };
        var bytes = renderer.Render(model, parsed.Value);
        var name = $"overenskommelse-{Slug(c.Parties.LastOrDefault()?.Name ?? "avtal")}-v{c.Version}.{parsed.Value.FileExtension()}";
        return new ExportedDocument(bytes, name, parsed.Value.MediaType());
    }

    /// <summary>Addresses are stored as one line with commas; the letterhead prints one part per line.</summary>
    private static IReadOnlyList<string> Lines(string? address) =>
        string.IsNullOrWhiteSpace(address) ? [] : address.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A file-name-safe form of a name (å, ä, ö become a, a, o).</summary>
    internal static string Slug(string name)
    {
        var map = new Dictionary<char, string> { ['å'] = "a", ['ä'] = "a", ['ö'] = "o", ['é'] = "e" };
        var chars = name.ToLowerInvariant().Select(ch => map.TryGetValue(ch, out var r) ? r : char.IsAsciiLetterOrDigit(ch) ? ch.ToString() : "-");
        return string.Join("-", string.Concat(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}

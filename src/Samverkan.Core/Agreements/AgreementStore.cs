using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Agreements;

/// <summary>Loading agreements with the right visibility, writing versions, and building the canonical view.</summary>
public sealed class AgreementStore(SamverkanDb db, TimeProvider clock)
{
    public sealed record Loaded(Agreement Agreement, List<Organization> Parties, Organization Region)
    {
        public bool IsParty(Actor actor) => actor.OrganizationId is { } org && Parties.Any(p => p.Id == org);

        /// <summary>Parties and the region's own staff see drafts and negotiation.</summary>
        public bool CanSeeWork(Actor actor) => IsParty(actor) || actor.IsStaffOfCounty(Region.CountyCode) || actor.IsOperator;

        /// <summary>Officers and admins of a party write; so do the owning region's staff.</summary>
        public bool CanWrite(Actor actor) => (actor.Writes && IsParty(actor)) || actor.IsStaffOfRegion(Region.Id);

        public Organization? ActingParty(Actor actor) => actor.Writes ? Parties.FirstOrDefault(p => p.Id == actor.OrganizationId) : null;
    }

    // One request often asks several use cases about the same agreement (the agreement page: the text, the actions,
    // the versions). Read-only loads are kept for the rest of the scope; a tracked load means a write is coming,
    // so it forgets what was kept and later reads in the same scope see the write.
    private readonly Dictionary<Guid, Loaded> _loaded = [];
    private readonly Dictionary<Guid, List<AgreementSignature>> _signatures = [];
    private readonly Dictionary<Guid, List<AgreementApproval>> _approvals = [];

    public async Task<Loaded?> FindAsync(Guid id, CancellationToken ct, bool track = true)
    {
        if (track) Forget(id);
        else if (_loaded.TryGetValue(id, out var known)) return known;
        var query = track ? db.Set<Agreement>() : db.Set<Agreement>().AsNoTracking();
        var agreement = await query.Include(a => a.Parties).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return null;
        var ids = agreement.Parties.Select(p => p.OrganizationId).Append(agreement.RegionId).ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var parties = agreement.Parties.OrderBy(p => p.SortOrder).Select(p => orgs.Single(o => o.Id == p.OrganizationId)).ToList();
        var loaded = new Loaded(agreement, parties, orgs.Single(o => o.Id == agreement.RegionId));
        if (!track) _loaded[id] = loaded;
        return loaded;
    }

    /// <summary>Every signature on every version of the agreement, read once per scope (an agreement has a handful).</summary>
    public async Task<IReadOnlyList<AgreementSignature>> SignaturesAsync(Guid agreementId, CancellationToken ct)
    {
        if (!_signatures.TryGetValue(agreementId, out var rows))
            _signatures[agreementId] = rows = await db.Set<AgreementSignature>().AsNoTracking().Where(s => s.AgreementId == agreementId).ToListAsync(ct);
        return rows;
    }

    /// <summary>Every approval of every version of the agreement, read once per scope.</summary>
    public async Task<IReadOnlyList<AgreementApproval>> ApprovalsAsync(Guid agreementId, CancellationToken ct)
    {
        if (!_approvals.TryGetValue(agreementId, out var rows))
            _approvals[agreementId] = rows = await db.Set<AgreementApproval>().AsNoTracking().Where(a => a.AgreementId == agreementId).ToListAsync(ct);
        return rows;
    }

    private void Forget(Guid id)
    {
        _loaded.Remove(id);
        _signatures.Remove(id);
        _approvals.Remove(id);
    }

    /// <summary>
    /// For a write: 404 when there is no such agreement, 401 to the anonymous, 403 to everyone else who may not write it —
    /// also on another organization's draft. A refused write shows nothing of the draft, and "not yours" is the honest
    /// answer to someone who holds its address (issue #3's checked scenario; decision 0004). Reads of a draft stay 404.
    /// </summary>
    public async Task<Result<Loaded>> FindForWriteAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var loaded = await FindAsync(id, ct);
        if (loaded is null)
            return actor.IsAuthenticated ? Error.NotFound("agreement.not-found", "Överenskommelsen finns inte.") : Error.Unauthenticated();
        if (actor.Require(loaded.CanWrite(actor)) is { } denied) return denied;
        return loaded;
    }

    public async Task<Result<Loaded>> FindForReadAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var loaded = await FindAsync(id, ct, track: false);
        if (loaded is null || !loaded.CanSeeWork(actor))
            return Error.NotFound("agreement.not-found", "Överenskommelsen finns inte.");
        return loaded;
    }

    public async Task<AgreementVersion?> VersionAsync(Guid agreementId, int number, CancellationToken ct) =>
        await db.Set<AgreementVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.AgreementId == agreementId && v.Number == number, ct);

    /// <summary>Writes the next version (immutable) and its commitment rows, and updates the headline copy.</summary>
    public AgreementVersion AddVersion(Agreement agreement, AgreementContent content, Actor actor, string? note)
    {
        Forget(agreement.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var number = agreement.CurrentVersion + 1;
        var snapshot = content with { Id = agreement.Id, Version = number, Status = agreement.Status, PlanId = agreement.PlanId };
        var json = AgreementJson.Serialize(snapshot);
        var version = new AgreementVersion
        {
            AgreementId = agreement.Id,
            Number = number,
            ContentJson = json,
            Hash = HashOf(json),
            CreatedAt = now,
            CreatedByUserId = actor.UserId,
            CreatedByName = actor.Name,
            CreatedByOrganizationCode = actor.OrganizationCode,
            Note = note,
        };
        db.Add(version);
        var order = 0;
        foreach (var (section, commitment) in CommitmentsWithSection(content.Sections, ""))
        {
            db.Add(new CommitmentRecord
            {
                Id = commitment.Id!.Value,
                AgreementId = agreement.Id,
                Version = number,
                SortOrder = order++,
                SectionHeading = section,
                Text = commitment.Text,
                PartyCodes = string.Join(",", commitment.Parties),
                GoalIds = string.Join(",", commitment.GoalIds),
                Indicator = commitment.Indicator,
                Target = commitment.Target,
                Due = commitment.Due,
            });
        }
        agreement.CurrentVersion = number;
        agreement.Title = content.Title;
        agreement.Reference = content.Reference;
        agreement.Date = content.Date;
        agreement.PeriodFrom = content.Period?.From;
        agreement.PeriodTo = content.Period?.To;
        agreement.UpdatedAt = now;
        return version;
    }

    public static string HashOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    internal static IEnumerable<(string Section, Commitment Commitment)> CommitmentsWithSection(IEnumerable<Section> sections, string parent) =>
        sections.SelectMany(s =>
        {
            var heading = parent.Length == 0 ? s.Heading : $"{parent} / {s.Heading}";
            return s.Items.SelectMany(i => i.Commitments).Select(c => (heading, c)).Concat(CommitmentsWithSection(s.Sections, heading));
        });

    /// <summary>The live status: a signed agreement is active within its period and expired after it.</summary>
    public string EffectiveStatus(Agreement a) => a.Status == AgreementStatuses.Signed ? InForceStatus(a) : a.Status;

    /// <summary>The status of the signed version in force, also while an amendment of it is being negotiated.</summary>
    public string InForceStatus(Agreement a)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (a.PeriodTo is { } to && today > to) return AgreementStatuses.Expired;
        if (a.PeriodFrom is not { } from || today >= from) return AgreementStatuses.Active;
        return AgreementStatuses.Signed;
    }

    /// <summary>The canonical JSON of a version, with the live status and the signatures made on that version.</summary>
    public async Task<AgreementContent> ViewAsync(Agreement agreement, AgreementVersion version, CancellationToken ct)
    {
        var content = AgreementJson.Deserialize(version.ContentJson)!;
        var signatures = (await SignaturesAsync(agreement.Id, ct)).Where(s => s.Version == version.Number).ToList();
        // Signatories are parties, whose codes the load already has; ask the database only for anyone else.
        var codes = _loaded.TryGetValue(agreement.Id, out var known) ? known.Parties.ToDictionary(o => o.Id, o => o.Code) : [];
        var unknown = signatures.Select(s => s.OrganizationId).Where(o => !codes.ContainsKey(o)).Distinct().ToList();
        if (unknown.Count > 0)
            foreach (var (orgId, code) in await db.Organizations.AsNoTracking().Where(o => unknown.Contains(o.Id)).Select(o => new { o.Id, o.Code }).ToDictionaryAsync(o => o.Id, o => o.Code, ct))
                codes[orgId] = code;
        var lines = content.Signatures.ToList();
        foreach (var s in signatures.OrderBy(s => s.At))
        {
            var signed = new SignatureLine
            {
                Party = codes[s.OrganizationId], Name = s.Name, Role = s.Role, Place = s.Place, Date = s.Date,
                SignedAt = s.At, VersionHash = s.VersionHash,
            };
            var index = lines.FindIndex(l => l.Party == signed.Party && l.SignedAt is null);
            if (index >= 0) lines[index] = signed; else lines.Add(signed);
        }
        var status = version.Number == agreement.CurrentVersion || version.Number == agreement.SignedVersion
            ? (version.Number == agreement.SignedVersion && agreement.CurrentVersion != agreement.SignedVersion
                ? InForceStatus(agreement)
                : EffectiveStatus(agreement))
            : "superseded";
        return content with { Status = status, Signatures = lines };
    }
}

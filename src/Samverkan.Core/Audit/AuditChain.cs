using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Samverkan.Audit;

/// <summary>
/// The hash chain over the audit log: how an entry is serialized and hashed, and how appends are
/// serialized so the chain stays linear with several writers (decision 0009).
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Key of the PostgreSQL transaction-level advisory lock that appenders take. Any constant works as long as
    /// every appender uses the same one; this one spells "SVKAUDIT" in ASCII.
    /// </summary>
    public const long PostgresLockKey = 0x53564B4155444954;

    // Bumped if the serialization ever changes, so an old entry is never checked against a new format by accident.
    private const string FormatTag = "samverkan-audit-v1";

    /// <summary>Both providers keep microseconds; ticks below that would be lost on PostgreSQL and break the hash.</summary>
    public static DateTime ToStoredPrecision(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    /// <summary>
    /// SHA-256 over the canonical form: the format tag, then every field in a fixed order, each as
    /// "&lt;UTF-8 byte length&gt;:&lt;bytes&gt;" or "-" for null. Length prefixes make the form unambiguous
    /// without any escaping rules, so an auditor can recompute it in a few lines of any language.
    /// </summary>
    public static string ComputeHash(AuditEntry entry, string previousHash)
    {
        var canonical = new StringBuilder(FormatTag).Append('\n');
        foreach (var field in CanonicalFields(entry, previousHash))
        {
            if (field is null) canonical.Append('-');
            else canonical.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static IEnumerable<string?> CanonicalFields(AuditEntry e, string previousHash) =>
    [
        e.Sequence?.ToString(CultureInfo.InvariantCulture),
        e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        e.ActorUserId, e.ActorName, e.ActorOrganizationCode, e.Channel,
        e.EntityType, e.EntityId, e.Action, e.Before, e.After,
        previousHash,
    ];

    /// <summary>
    /// Makes the caller the only appender until its transaction ends. PostgreSQL: a transaction-level advisory
    /// lock. SQLite has one writer at a time, and the transactions EF begins there are <c>BEGIN IMMEDIATE</c>,
    /// which takes the write lock up front, so nothing more is needed.
    /// </summary>
    public static void Lock(DbContext db)
    {
        if (db.Database.IsNpgsql()) db.Database.ExecuteSqlRaw($"SELECT pg_advisory_xact_lock({PostgresLockKey})");
    }

    public static async Task LockAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
    }

    internal sealed record Head(long Sequence, string Hash);

    private static IQueryable<Head> HeadQuery(DbContext db) =>
        db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Sequence != null && a.Hash != null)
            .OrderByDescending(a => a.Sequence)
            .Select(a => new Head(a.Sequence!.Value, a.Hash!));

    internal static Head ReadHead(DbContext db) => HeadQuery(db).FirstOrDefault() ?? new Head(0, Genesis);

    internal static async Task<Head> ReadHeadAsync(DbContext db, CancellationToken ct) =>
        await HeadQuery(db).FirstOrDefaultAsync(ct) ?? new Head(0, Genesis);

    /// <summary>Gives the entries their place in the chain after <paramref name="head"/>, in the order given.</summary>
    internal static void Link(IEnumerable<AuditEntry> entries, Head head)
    {
        var (sequence, previous) = (head.Sequence, head.Hash);
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = previous = ComputeHash(entry, previous);
        }
    }

    /// <summary>
    /// Chains rows written before the chain existed, in the order they were written (by id). Runs once, from
    /// <c>samverkan migrate</c>; afterwards every row is chained when it is written. Returns how many were sealed.
    /// </summary>
    public static async Task<int> SealUnchainedAsync(DbContext db, CancellationToken ct = default)
    {
        if (!await db.Set<AuditEntry>().AnyAsync(a => a.Hash == null, ct)) return 0;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await LockAsync(db, ct);
        var head = await ReadHeadAsync(db, ct);
        var unchained = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Hash == null).OrderBy(a => a.Id).ToListAsync(ct);
        Link(unchained, head);
        foreach (var entry in unchained)
        {
            // Set-based so the change tracker (and with it the append-only guard) is not involved: this is the one
            // sanctioned write to existing rows, and it only fills fields that were empty.
            await db.Set<AuditEntry>().Where(a => a.Id == entry.Id && a.Hash == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Sequence, entry.Sequence)
                    .SetProperty(a => a.PreviousHash, entry.PreviousHash)
                    .SetProperty(a => a.Hash, entry.Hash), ct);
        }
        if (transaction is not null) await transaction.CommitAsync(ct);
        return unchained.Count;
    }
}

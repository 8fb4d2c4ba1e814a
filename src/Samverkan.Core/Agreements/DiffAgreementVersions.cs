using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

public sealed record DiffSegment(string Op, string Text);

public sealed record AgreementDiff(int From, int To, IReadOnlyList<DiffSegment> Segments, int Inserted, int Deleted);

/// <summary>A word-level comparison of two versions' text (headings, items, commitments and signatories).</summary>
public sealed class DiffAgreementVersions(AgreementStore store, ActorContext actors) : IUseCase
{
    public async Task<Result<AgreementDiff>> ExecuteAsync(Guid id, int from, int to, CancellationToken ct = default)
    {
        var loaded = await store.FindAsync(id, ct, track: false);
        var actor = actors.Current;
        if (loaded is null) return Error.NotFound("agreement.not-found", "Överenskommelsen finns inte.");
        // The public may compare signed versions only; parties and region staff any two.
        var canSeeAll = loaded.CanSeeWork(actor);
        var a = await store.VersionAsync(id, from, ct);
        var b = await store.VersionAsync(id, to, ct);
        if (a is null || b is null) return Error.NotFound("agreement.version-not-found", "Versionen finns inte.");
        if (!canSeeAll) return Error.NotFound("agreement.not-found", "Överenskommelsen finns inte.");
        return Compare(from, to, AgreementJson.Deserialize(a.ContentJson)!, AgreementJson.Deserialize(b.ContentJson)!);
    }

    public static AgreementDiff Compare(int from, int to, AgreementContent a, AgreementContent b)
    {
        var result = Differ.Instance.CreateDiffs(PlainText(a), PlainText(b), ignoreWhiteSpace: false, ignoreCase: false, new WordChunker());
        var segments = new List<DiffSegment>();
        var oldWords = new WordChunker().Chunk(PlainText(a)).ToArray();
        var newWords = new WordChunker().Chunk(PlainText(b)).ToArray();
        int pos = 0, inserted = 0, deleted = 0;
        foreach (var block in result.DiffBlocks)
        {
            if (block.DeleteStartA > pos) Add(segments, "equal", string.Concat(oldWords[pos..block.DeleteStartA]));
            if (block.DeleteCountA > 0)
            {
                Add(segments, "delete", string.Concat(oldWords[block.DeleteStartA..(block.DeleteStartA + block.DeleteCountA)]));
                deleted += block.DeleteCountA;
            }
            if (block.InsertCountB > 0)
            {
                Add(segments, "insert", string.Concat(newWords[block.InsertStartB..(block.InsertStartB + block.InsertCountB)]));
                inserted += block.InsertCountB;
            }
            pos = block.DeleteStartA + block.DeleteCountA;
        }
        if (pos < oldWords.Length) Add(segments, "equal", string.Concat(oldWords[pos..]));
        return new AgreementDiff(from, to, segments, inserted, deleted);
    }

    private static void Add(List<DiffSegment> segments, string op, string text)
    {
        if (text.Length == 0) return;
        if (segments.Count > 0 && segments[^1].Op == op) segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else segments.Add(new DiffSegment(op, text));
    }

    /// <summary>The agreement as readable text, one line per heading, item and commitment, for comparing.</summary>
    public static string PlainText(AgreementContent c)
    {
        var sb = new StringBuilder();
        sb.Append(c.Title).Append('\n');
        if (c.Reference is not null) sb.Append("Diarienummer: ").Append(c.Reference).Append('\n');
        if (c.Date is not null) sb.Append("Datum: ").Append(c.Date.Value.ToString("yyyy-MM-dd")).Append('\n');
        if (c.Period is not null) sb.Append("Period: ").Append($"{c.Period.From:yyyy-MM-dd}–{c.Period.To:yyyy-MM-dd}").Append('\n');
        void Section(Section s, int depth)
        {
            sb.Append('\n').Append(new string('#', depth + 1)).Append(' ').Append(s.Heading).Append('\n');
            foreach (var item in s.Items)
            {
                sb.Append(item.Style == ItemStyles.Bullet ? "– " : "").Append(item.Text).Append('\n');
                foreach (var f in item.Footnotes) sb.Append("  Fotnot: ").Append(f).Append('\n');
                foreach (var k in item.Commitments)
                    sb.Append("  Åtagande (").Append(string.Join(" och ", k.Parties)).Append("): ").Append(k.Text).Append('\n');
            }
            foreach (var sub in s.Sections) Section(sub, depth + 1);
        }
        foreach (var s in c.Sections) Section(s, 0);
        foreach (var s in c.Signatures) sb.Append("\nUndertecknare (").Append(s.Party).Append("): ").Append(s.Name).Append(", ").Append(s.Role).Append('\n');
        return sb.ToString();
    }
}

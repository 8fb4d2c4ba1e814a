using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

public sealed record CommentView(Guid Id, int Version, string Target, string Party, string Author, string Text, DateTime At, bool Resolved);

public sealed record ProposalView(Guid Id, int BaseVersion, string Target, string CurrentText, string ProposedText, string? Reason, string Party,
    string Author, DateTime At, string Status, string? AnsweredBy, DateTime? AnsweredAt, int? ResultVersion);

public sealed record NegotiationView(IReadOnlyList<CommentView> Comments, IReadOnlyList<ProposalView> Proposals);

/// <summary>Addresses a part of an agreement's content by path: sections[i](.sections[j])*(.items[k](.commitments[m])?)?.</summary>
public static class ContentPath
{
    public static bool TryGetText(AgreementContent c, string path, out string text)
    {
        text = "";
        if (path.Length == 0) { text = c.Title; return true; }
        if (path == "title") { text = c.Title; return true; }
        var result = Walk(c, path);
        if (result is null) return false;
        text = result.Value.Text;
        return true;
    }

    public static AgreementContent? Replace(AgreementContent c, string path, string newText)
    {
        if (path == "title") return c with { Title = newText };
        var parts = Parse(path);
        if (parts is null || parts.Count == 0 || parts[0].Kind != "sections") return null;
        var sections = c.Sections.ToList();
        var replaced = ReplaceIn(sections, parts, 0, newText);
        return replaced is null ? null : c with { Sections = replaced };
    }

    private static List<Section>? ReplaceIn(List<Section> sections, List<(string Kind, int Index)> parts, int at, string newText)
    {
        var (kind, index) = parts[at];
        if (kind != "sections" || index < 0 || index >= sections.Count) return null;
        var s = sections[index];
        if (at == parts.Count - 1) { sections[index] = s with { Heading = newText }; return sections; }
        var next = parts[at + 1];
        if (next.Kind == "sections")
        {
            var inner = ReplaceIn(s.Sections.ToList(), parts, at + 1, newText);
            if (inner is null) return null;
            sections[index] = s with { Sections = inner };
            return sections;
        }
        if (next.Kind != "items" || next.Index < 0 || next.Index >= s.Items.Count) return null;
        var items = s.Items.ToList();
        var item = items[next.Index];
        if (at + 1 == parts.Count - 1) items[next.Index] = item with { Text = newText };
        else
        {
            var k = parts[at + 2];
            if (k.Kind != "commitments" || k.Index < 0 || k.Index >= item.Commitments.Count || at + 2 != parts.Count - 1) return null;
            var commitments = item.Commitments.ToList();
            commitments[k.Index] = commitments[k.Index] with { Text = newText };
            items[next.Index] = item with { Commitments = commitments };
        }
        sections[index] = s with { Items = items };
        return sections;
    }

    private static (string Text, bool Ok)? Walk(AgreementContent c, string path)
    {
        var parts = Parse(path);
        if (parts is null || parts.Count == 0 || parts[0].Kind != "sections") return null;
        IReadOnlyList<Section> sections = c.Sections;
        Section? section = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var (kind, index) = parts[i];
            if (kind == "sections")
            {
                if (index < 0 || index >= sections.Count) return null;
                section = sections[index];
                sections = section.Sections;
                if (i == parts.Count - 1) return (section.Heading, true);
            }
            else if (kind == "items" && section is not null)
            {
                if (index < 0 || index >= section.Items.Count) return null;
                var item = section.Items[index];
                if (i == parts.Count - 1) return (item.Text, true);
                var (k, m) = parts[i + 1];
                if (k != "commitments" || m < 0 || m >= item.Commitments.Count || i + 1 != parts.Count - 1) return null;
                return (item.Commitments[m].Text, true);
            }
            else return null;
        }
        return null;
    }

    private static List<(string Kind, int Index)>? Parse(string path)
    {
        var list = new List<(string, int)>();
        foreach (var part in path.Split('.'))
        {
            var open = part.IndexOf('[');
            if (open <= 0 || !part.EndsWith(']') || !int.TryParse(part[(open + 1)..^1], out var index)) return null;
            list.Add((part[..open], index));
        }
        return list;
    }
}

public sealed record CommentCommand(Guid AgreementId, string? Target, string Text);

/// <summary>An officer of a party comments on the agreement or one part of it.</summary>
public sealed class CommentOnAgreement(SamverkanDb db, ActorContext actors, AgreementStore store, AgreementNotifier notify, TimeProvider clock) : IUseCase
{
    public async Task<Result<Guid>> ExecuteAsync(CommentCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var found = await store.FindForWriteAsync(command.AgreementId, actor, ct);
        if (!found.IsSuccess) return found.Error!;
        var (agreement, parties, _) = found.Value;
        var party = found.Value.ActingParty(actor);
        if (party is null) return Error.Forbidden("Bara parternas handläggare kan kommentera.");
        if (string.IsNullOrWhiteSpace(command.Text)) return Error.Validation("comment.text-required", "Skriv en kommentar.", "text");
        if (command.Text.Length > 4000) return Error.Validation("comment.text-too-long", "Kommentaren får vara högst 4000 tecken.", "text");
        var target = command.Target?.Trim() ?? "";
        var current = AgreementJson.Deserialize((await store.VersionAsync(agreement.Id, agreement.CurrentVersion, ct))!.ContentJson)!;
        if (target.Length > 0 && !ContentPath.TryGetText(current, target, out _))
            return Error.Validation("comment.target-invalid", "Delen av överenskommelsen som kommentaren gäller finns inte.", "target");
        var comment = new AgreementComment
        {
            AgreementId = agreement.Id, Version = agreement.CurrentVersion, Target = target, OrganizationId = party.Id,
            UserId = actor.UserId!, UserName = actor.Name, Text = command.Text.Trim(), At = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(comment);
        notify.Queue(agreement, parties, actor, NotificationKind.Comment, $"Ny kommentar: {agreement.Title}", $"{actor.Name} ({party.DisplayName}) skrev:\n\n{comment.Text}");
        await db.SaveChangesAsync(ct);
        return comment.Id;
    }
}

public sealed record ProposeChangeCommand(Guid AgreementId, string Target, string ProposedText, string? Reason);

/// <summary>A party proposes new wording for one part; the other party accepts (a new version) or rejects it.</summary>
public sealed class ProposeChange(SamverkanDb db, ActorContext actors, AgreementStore store, AgreementNotifier notify, TimeProvider clock) : IUseCase
{
    public async Task<Result<Guid>> ExecuteAsync(ProposeChangeCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var found = await store.FindForWriteAsync(command.AgreementId, actor, ct);
        if (!found.IsSuccess) return found.Error!;
        var (agreement, parties, _) = found.Value;
        var party = found.Value.ActingParty(actor);
        if (party is null) return Error.Forbidden("Bara parternas handläggare kan föreslå ändringar.");
        if (agreement.Status is not (AgreementStatuses.Draft or AgreementStatuses.Negotiation))
            return Error.Conflict("agreement.not-open", "Ändringar kan bara föreslås under utkast och förhandling.");
        if (string.IsNullOrWhiteSpace(command.ProposedText)) return Error.Validation("proposal.text-required", "Skriv den föreslagna lydelsen.", "proposedText");
        var current = AgreementJson.Deserialize((await store.VersionAsync(agreement.Id, agreement.CurrentVersion, ct))!.ContentJson)!;
        if (!ContentPath.TryGetText(current, command.Target, out _))
            return Error.Validation("proposal.target-invalid", "Delen av överenskommelsen som förslaget gäller finns inte.", "target");
        var proposal = new AgreementProposal
        {
            AgreementId = agreement.Id, BaseVersion = agreement.CurrentVersion, Target = command.Target, ProposedText = command.ProposedText.Trim(),
            Reason = command.Reason?.Trim(), OrganizationId = party.Id, UserId = actor.UserId!, UserName = actor.Name, At = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(proposal);
        notify.Queue(agreement, parties, actor, NotificationKind.Comment, $"Ändringsförslag: {agreement.Title}",
            $"{actor.Name} ({party.DisplayName}) föreslår ny lydelse:\n\n{proposal.ProposedText}");
        await db.SaveChangesAsync(ct);
        return proposal.Id;
    }
}

/// <summary>The other party accepts a proposal (its text becomes a new version) or rejects it.</summary>
public sealed class AnswerProposal(SamverkanDb db, ActorContext actors, AgreementStore store, AgreementNotifier notify, TimeProvider clock) : IUseCase
{
    public async Task<Result<ProposalView>> ExecuteAsync(Guid agreementId, Guid proposalId, bool accept, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var found = await store.FindForWriteAsync(agreementId, actor, ct);
        if (!found.IsSuccess) return found.Error!;
        var (agreement, parties, _) = found.Value;
        var party = found.Value.ActingParty(actor);
        if (party is null) return Error.Forbidden("Bara parternas handläggare kan svara på förslag.");
        var proposal = await db.Set<AgreementProposal>().FirstOrDefaultAsync(p => p.Id == proposalId && p.AgreementId == agreementId, ct);
        if (proposal is null) return Error.NotFound("proposal.not-found", "Förslaget finns inte.");
        if (proposal.Status != "open") return Error.Conflict("proposal.answered", "Förslaget är redan besvarat.");
        if (proposal.OrganizationId == party.Id) return Error.Forbidden("Förslaget besvaras av den andra parten.");
        var now = clock.GetUtcNow().UtcDateTime;
        proposal.Status = accept ? "accepted" : "rejected";
        proposal.AnsweredByName = actor.Name;
        proposal.AnsweredAt = now;
        var current = AgreementJson.Deserialize((await store.VersionAsync(agreementId, agreement.CurrentVersion, ct))!.ContentJson)!;
        ContentPath.TryGetText(current, proposal.Target, out var currentText);
        if (accept)
        {
            if (agreement.Status is not (AgreementStatuses.Draft or AgreementStatuses.Negotiation))
                return Error.Conflict("agreement.not-open", "Förslaget kan inte antas när överenskommelsen inte längre förhandlas.");
            var changed = ContentPath.Replace(current, proposal.Target, proposal.ProposedText);
            if (changed is null) return Error.Conflict("proposal.target-gone", "Delen som förslaget gäller finns inte längre i den senaste versionen.");
            var version = store.AddVersion(agreement, changed, actor, $"Antaget förslag från {proposal.UserName}");
            proposal.ResultVersion = version.Number;
        }
        notify.Queue(agreement, parties, actor, NotificationKind.ProposalAnswered, $"Förslag {(accept ? "antaget" : "avslaget")}: {agreement.Title}",
            $"{actor.Name} ({party.DisplayName}) har {(accept ? "antagit" : "avslagit")} förslaget:\n\n{proposal.ProposedText}");
        await db.SaveChangesAsync(ct);
        return new ProposalView(proposal.Id, proposal.BaseVersion, proposal.Target, currentText, proposal.ProposedText, proposal.Reason,
            parties.Single(p => p.Id == proposal.OrganizationId).Code, proposal.UserName, proposal.At, proposal.Status, proposal.AnsweredByName,
            proposal.AnsweredAt, proposal.ResultVersion);
    }
}

/// <summary>The negotiation so far: comments and proposals, newest first. Only for the parties and the region's staff.</summary>
public sealed class GetNegotiation(SamverkanDb db, ActorContext actors, AgreementStore store) : IUseCase
{
    public async Task<Result<NegotiationView>> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var loaded = await store.FindForReadAsync(id, actors.Current, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var codes = loaded.Value.Parties.ToDictionary(p => p.Id, p => p.Code);
        var current = AgreementJson.Deserialize((await store.VersionAsync(id, loaded.Value.Agreement.CurrentVersion, ct))!.ContentJson)!;
        var comments = await db.Set<AgreementComment>().AsNoTracking().Where(c => c.AgreementId == id).OrderByDescending(c => c.At).ToListAsync(ct);
        var proposals = await db.Set<AgreementProposal>().AsNoTracking().Where(p => p.AgreementId == id).OrderByDescending(p => p.At).ToListAsync(ct);
        return new NegotiationView(
            comments.Select(c => new CommentView(c.Id, c.Version, c.Target, codes.GetValueOrDefault(c.OrganizationId, "?"), c.UserName, c.Text, c.At, c.Resolved)).ToList(),
            proposals.Select(p => new ProposalView(p.Id, p.BaseVersion, p.Target,
                ContentPath.TryGetText(current, p.Target, out var t) ? t : "", p.ProposedText, p.Reason,
                codes.GetValueOrDefault(p.OrganizationId, "?"), p.UserName, p.At, p.Status, p.AnsweredByName, p.AnsweredAt, p.ResultVersion)).ToList());
    }
}

namespace Samverkan.Dialogue;

/// <summary>
/// A dialogue meeting and its minutes: the yearly dialogue between a region and one of its municipalities
/// (kommundialog), or the region's forum with all of them (Regional kulturdialog). Who took part, the agenda, the
/// notes and the decisions are kept as one canonical JSON document (<see cref="DialogueContent"/>), as an agreement's
/// text is; the decisions' links to commitments and goals are also rows (<see cref="DialogueDecisionLink"/>) so they can
/// be found from the commitment or goal.
/// </summary>
public sealed class DialogueMeeting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RegionId { get; set; }

    /// <summary>municipal-dialogue or regional-forum (<see cref="DialogueKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>The municipality of a municipal dialogue; null for the regional forum.</summary>
    public Guid? MunicipalityId { get; set; }

    public required string Title { get; set; }
    public DateOnly Date { get; set; }
    public string? Place { get; set; }

    /// <summary><see cref="DialogueContent"/> as canonical JSON.</summary>
    public required string ContentJson { get; set; }

    /// <summary>draft or approved (<see cref="MinutesStatuses"/>).</summary>
    public required string Status { get; set; }

    /// <summary>
    /// 0 while the minutes have never been approved; then the number of the newest <see cref="DialogueMeetingRevision"/>.
    /// Approved minutes are never changed in place: every later change is a new revision with a note saying why.
    /// </summary>
    public int Revision { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public required string UpdatedByName { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedByName { get; set; }

    /// <summary>Incremented on every change; clients send it back so no edit is silently lost.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>
/// One state of approved minutes: the approval itself (revision 1), then every change made after it, each with who,
/// when and why. The whole meeting is kept, so any earlier revision can be shown as it was.
/// </summary>
public sealed class DialogueMeetingRevision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public int Number { get; set; }

    /// <summary>approved or amended (<see cref="RevisionKinds"/>).</summary>
    public required string Kind { get; set; }

    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public string? OrganizationCode { get; set; }

    /// <summary>Why the approved minutes were changed; null for the approval.</summary>
    public string? Note { get; set; }

    public required string Title { get; set; }
    public DateOnly Date { get; set; }
    public string? Place { get; set; }
    public required string ContentJson { get; set; }

    public static class RevisionKinds
    {
        public const string Approved = "approved";
        public const string Amended = "amended";
    }
}

/// <summary>A decision's link to a commitment (<see cref="Agreements.CommitmentRecord.Id"/>) or a plan goal, rewritten on every save.</summary>
public sealed class DialogueDecisionLink
{
    public Guid MeetingId { get; set; }
    public Guid DecisionId { get; set; }

    /// <summary>commitment or goal (<see cref="DialogueLinkKinds"/>).</summary>
    public required string TargetKind { get; set; }

    public Guid TargetId { get; set; }
}

/// <summary>Who took part, what was discussed and what was decided: the minutes' body, stored as JSON.</summary>
public sealed record DialogueContent
{
    /// <summary>Codes of the participating organizations, in the order given; a municipal dialogue always has its region and municipality.</summary>
    public IReadOnlyList<string> Organizations { get; init; } = [];

    public IReadOnlyList<DialogueParticipant> People { get; init; } = [];
    public IReadOnlyList<DialogueAgendaItem> Agenda { get; init; } = [];
    public string? Notes { get; init; }
    public IReadOnlyList<DialogueDecision> Decisions { get; init; } = [];
}

/// <summary>A person at the meeting; <see cref="Organization"/> is the code of one of the participating organizations.</summary>
public sealed record DialogueParticipant(string Name, string? Role, string? Organization);

public sealed record DialogueAgendaItem(string Title, string? Notes);

/// <summary>A decision, with the commitments of agreements and the plan goals it concerns. The id stays across edits.</summary>
public sealed record DialogueDecision(Guid Id, string Text, IReadOnlyList<Guid> Commitments, IReadOnlyList<Guid> Goals);

public static class DialogueKinds
{
    public const string MunicipalDialogue = "municipal-dialogue";
    public const string RegionalForum = "regional-forum";

    public static readonly IReadOnlyList<string> All = [MunicipalDialogue, RegionalForum];

    public static string SwedishName(string kind) => kind switch
    {
        MunicipalDialogue => "Dialog med kommun",
        RegionalForum => "Regional kulturdialog",
        _ => kind,
    };
}

public static class MinutesStatuses
{
    public const string Draft = "draft";
    public const string Approved = "approved";

    public static string SwedishName(string status) => status switch
    {
        Draft => "Utkast",
        Approved => "Justerat",
        _ => status,
    };
}

public static class DialogueLinkKinds
{
    public const string Commitment = "commitment";
    public const string Goal = "goal";
}

/// <summary>Lengths the database and the validation share.</summary>
public static class DialogueLimits
{
    public const int Title = 300;
    public const int Place = 200;
    public const int Name = 200;
    public const int Role = 200;
    public const int AgendaTitle = 300;

    /// <summary>Notes per agenda item; the minutes of a two-hour meeting fit with room to spare.</summary>
    public const int AgendaNotes = 8000;

    public const int Notes = 20000;
    public const int DecisionText = 2000;
    public const int ChangeNote = 1000;
    public const int People = 100;
    public const int Organizations = 60;
    public const int AgendaItems = 50;
    public const int Decisions = 50;
    public const int LinksPerDecision = 50;
}

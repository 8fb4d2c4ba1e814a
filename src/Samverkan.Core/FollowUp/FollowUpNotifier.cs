using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Samverkan.Common;
using Samverkan.Notifications;

namespace Samverkan.FollowUp;

/// <summary>
/// The follow-up's e-mail, queued in the outbox with the change it reports. Reminders before a round's deadline come
/// from <see cref="Reminders.SendFollowUpReminders"/>, which calls <see cref="DeadlineNearing"/> for every party
/// that has not submitted (the <c>RelatedId</c> of earlier reminders tells it who already got one).
/// </summary>
public sealed class FollowUpNotifier(OutboxWriter outbox)
{
    public const string SubmittedKind = "follow-up-submitted";
    public const string ReturnedKind = "follow-up-returned";
    public const string AcceptedKind = "follow-up-accepted";
    public const string ReminderKind = "follow-up-reminder";

    /// <summary>Where a party's form for one agreement lives in the web app; the pages follow this address.</summary>
    public static string FormLink(Guid roundId, Guid agreementId, string partyCode) => $"/uppfoljning/{roundId}/{agreementId}?part={partyCode}";

    /// <summary>To the region's staff: a party has submitted and waits for review.</summary>
    public void Submitted(PartyContext context) =>
        outbox.Queue([context.Round.RegionId], SubmittedKind,
            $"Uppföljning inskickad: {context.Party.DisplayName} {context.Round.Year}",
            $"{context.Party.DisplayName} har skickat in sin uppföljning för {context.Round.Year} av \"{context.Agreement.Agreement.Title}\". "
            + "Granska den och godkänn eller skicka tillbaka den med en kommentar.\n\n"
            + $"Länk: {FormLink(context.Round.Id, context.Agreement.Agreement.Id, context.Party.Code)}",
            RelatedId(context));

    /// <summary>To the party's officers: the region wants changes.</summary>
    public void Returned(PartyContext context, string comment) =>
        outbox.Queue([context.Party.Id], ReturnedKind,
            $"Uppföljningen {context.Round.Year} har skickats tillbaka",
            $"{context.Scope.Region.DisplayName} har skickat tillbaka er uppföljning för {context.Round.Year} av \"{context.Agreement.Agreement.Title}\" "
            + $"med den här kommentaren:\n\n{comment}\n\nÄndra det som behövs och skicka in igen.\n\n"
            + $"Länk: {FormLink(context.Round.Id, context.Agreement.Agreement.Id, context.Party.Code)}",
            RelatedId(context));

    /// <summary>To the party's officers: the answer stands.</summary>
    public void Accepted(PartyContext context) =>
        outbox.Queue([context.Party.Id], AcceptedKind,
            $"Uppföljningen {context.Round.Year} är godkänd",
            $"{context.Scope.Region.DisplayName} har godkänt er uppföljning för {context.Round.Year} av \"{context.Agreement.Agreement.Title}\". Tack!\n\n"
            + $"Länk: {FormLink(context.Round.Id, context.Agreement.Agreement.Id, context.Party.Code)}",
            RelatedId(context));

    /// <summary>
    /// To the party's officers: the deadline is near and the answer is not in. Month names in Swedish whatever the
    /// server's culture: the job runs in a background thread with the host's default culture.
    /// </summary>
    public void DeadlineNearing(PartyContext context) =>
        outbox.Queue([context.Party.Id], ReminderKind,
            $"Påminnelse: uppföljningen {context.Round.Year} ska vara inne {context.Round.Deadline.ToString("d MMMM yyyy", SwedishText.Culture)}",
            $"Er uppföljning för {context.Round.Year} av \"{context.Agreement.Agreement.Title}\" är inte inskickad än. "
            + $"Sista dag är {context.Round.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.\n\n"
            + $"Länk: {FormLink(context.Round.Id, context.Agreement.Agreement.Id, context.Party.Code)}",
            RelatedId(context));

    /// <summary>
    /// One id per round, agreement and party, so every message about the same answer can be found together (the
    /// reminder job uses it to remind once). A hash of the three, as a Guid, because the outbox keeps 64 characters.
    /// </summary>
    public static string RelatedId(PartyContext context) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{context.Round.Id}/{context.Agreement.Agreement.Id}/{context.Party.Id}")).AsSpan(0, 16)).ToString();
}

using Samverkan.Common;

namespace Samverkan.FollowUp;

/// <summary>The follow-up's expected failures that more than one use case gives.</summary>
internal static class FollowUpErrors
{
    public static Error RoundNotFound() => Error.NotFound("follow-up.round-not-found", "Uppföljningsomgången finns inte.");

    public static Error AgreementNotInRound() =>
        Error.NotFound("follow-up.agreement-not-in-round", "Överenskommelsen ingår inte i uppföljningsomgången.");

    public static Error CommitmentUnknown(Guid id) =>
        new("follow-up.commitment-unknown", $"Åtagandet {id} finns inte bland omgångens överenskommelser.", ErrorKind.NotFound, "commitmentId");

    public static Error RoundClosed(int year) =>
        Error.Conflict("follow-up.round-closed", $"Uppföljningen för {year} är stängd. Inget kan längre ändras eller skickas in.");

    public static Error Locked(string status) => Error.Conflict("follow-up.submission-locked",
        status == SubmissionStatuses.Accepted
            ? "Regionen har redan godkänt uppföljningen. Den kan inte längre ändras."
            : "Uppföljningen är inskickad och ligger hos regionen. Den kan ändras igen om regionen skickar tillbaka den.");

    public static Error NotYourParty() =>
        Error.Forbidden("Bara en handläggare hos den part som gett åtagandet kan fylla i dess uppföljning.");

    public static Error Stale(int currentVersion, int? yourVersion, object? current) =>
        Error.Conflict("follow-up.entry-stale",
            $"Någon har sparat åtagandets uppföljning sedan du började (nu version {currentVersion}). Inget av ditt har sparats. "
            + "Hämta den senaste och gör om ändringen.") with
        {
            Extensions = new Dictionary<string, object?> { ["currentVersion"] = currentVersion, ["yourVersion"] = yourVersion, ["current"] = current },
        };

    public static Error SubmissionBusy() =>
        Error.Conflict("follow-up.submission-changed",
            "Uppföljningen ändrades samtidigt av någon annan (sparad, inskickad eller granskad). Inget av ditt har sparats. Ladda om och försök igen.");
}

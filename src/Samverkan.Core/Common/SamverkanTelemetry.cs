using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Samverkan.Common;

/// <summary>
/// The business events an operator wants to see move: agreements signed, follow-up answers submitted and reviewed,
/// audit entries written, documents read by the importer. Plain System.Diagnostics instruments, so Core needs no
/// telemetry package; the web host decides whether anything listens (Telemetry:Exporter) and where it goes.
/// </summary>
/// <remarks>
/// Made through <see cref="IMeterFactory"/>, so each host (and each test host) has meters of its own and a test can
/// listen to exactly the host it drives.
/// </remarks>
public sealed class SamverkanMetrics
{
    public const string MeterName = "Samverkan";

    private readonly Counter<long> _agreementsSigned;
    private readonly Counter<long> _followUpSubmissions;
    private readonly Counter<long> _followUpReviews;
    private readonly Counter<long> _auditEntries;
    private readonly Counter<long> _documentImports;
    private readonly Histogram<double> _documentImportDuration;

    public SamverkanMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _agreementsSigned = meter.CreateCounter<long>("samverkan.agreements.signed", "{agreement}",
            "Agreements whose last party signed, so that the agreed version came into force.");
        _followUpSubmissions = meter.CreateCounter<long>("samverkan.follow_up.submissions", "{submission}",
            "Follow-up answers a party submitted for one agreement.");
        _followUpReviews = meter.CreateCounter<long>("samverkan.follow_up.reviews", "{review}",
            "Submitted follow-up answers the region accepted or returned.");
        _auditEntries = meter.CreateCounter<long>("samverkan.audit.entries", "{entry}",
            "Audit log entries appended to the hash chain, counted once their transaction is committed by the interceptor.");
        _documentImports = meter.CreateCounter<long>("samverkan.document_imports", "{document}",
            "Agreement documents read by the importer, by file type and outcome (ok or the error code).");
        _documentImportDuration = meter.CreateHistogram<double>("samverkan.document_import.duration", "s",
            "Time the importer spent on one document, including abandoned ones.");
    }

    public void AgreementSigned(string kind) => _agreementsSigned.Add(1, new KeyValuePair<string, object?>("agreement.kind", kind));

    /// <param name="acceptedAtOnce">The region's own answer is accepted when submitted.</param>
    public void FollowUpSubmitted(bool acceptedAtOnce) =>
        _followUpSubmissions.Add(1, new KeyValuePair<string, object?>("follow_up.accepted_at_once", acceptedAtOnce));

    public void FollowUpReviewed(string decision) => _followUpReviews.Add(1, new KeyValuePair<string, object?>("follow_up.decision", decision));

    public void AuditEntriesWritten(int count, string? channel)
    {
        if (count > 0) _auditEntries.Add(count, new KeyValuePair<string, object?>("audit.channel", channel ?? "unknown"));
    }

    public void DocumentImported(string fileType, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "document.type", fileType }, { "import.outcome", outcome } };
        _documentImports.Add(1, tags);
        _documentImportDuration.Record(duration.TotalSeconds, tags);
    }
}

/// <summary>Spans of Samverkan's own work inside a request, beside the framework's request spans.</summary>
public static class SamverkanTracing
{
    public const string SourceName = "Samverkan";

    public static readonly ActivitySource Source = new(SourceName);
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Common;
using Samverkan.FollowUp;
using static Samverkan.Tests.FollowUp.FollowUpWorld;

namespace Samverkan.Tests.FollowUp;

/// <summary>
/// The business counters an operator watches move with the events they name, and only then: agreements whose last
/// party signs, follow-up answers submitted and reviewed, audit entries written (and not for a refused write).
/// </summary>
public sealed class BusinessMetricsTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    /// <summary>Sums what this world's meters record (other hosts in the process have meters of their own).</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _sums = new();

        public Recorder(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SamverkanMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
                foreach (var tag in tags) _sums.AddOrUpdate($"{instrument.Name}[{tag.Key}={tag.Value}]", value, (_, sum) => sum + value);
            });
            _listener.Start();
        }

        public long this[string name] => _sums.GetValueOrDefault(name);

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task SigningSubmittingAndReviewing_AreCounted_AndARefusedWriteAddsNoAuditEntry()
    {
        using var metrics = new Recorder(world.Services.GetRequiredService<IMeterFactory>());

        // Two agreements created, negotiated, approved by both parties and signed by both.
        var s = await world.ScenarioAsync();
        Assert.Equal(2, metrics["samverkan.agreements.signed"]);
        Assert.Equal(2, metrics["samverkan.agreements.signed[agreement.kind=municipal-agreement]"]);
        var audited = metrics["samverkan.audit.entries"];
        Assert.True(audited > 10, $"only {audited} audit entries counted");
        Assert.Equal(audited, metrics["samverkan.audit.entries[audit.channel=api]"]);

        await world.AnswerAllAsync(s);
        var submitted = await world.SubmitAsync(Smedjebacken, s);
        Assert.True(submitted.IsSuccess, submitted.Error?.Message);
        Assert.Equal(1, metrics["samverkan.follow_up.submissions[follow_up.accepted_at_once=False]"]);
        Assert.True((await world.ReviewAsync(RegionOfficer, s, submitted.Value.Id!.Value, ReviewDecisions.Accept)).IsSuccess);
        Assert.Equal(1, metrics["samverkan.follow_up.reviews[follow_up.decision=accept]"]);

        var before = metrics["samverkan.audit.entries"];
        await world.RefusedAsync(() => world.SubmitAsync(Smedjebacken, s), "follow-up.already-submitted");
        Assert.Equal(before, metrics["samverkan.audit.entries"]);
        Assert.Equal(1, metrics["samverkan.follow_up.submissions"]);
    }
}

namespace Samverkan.Seeding;

/// <summary>
/// A clock the generated data sets itself, so demo and benchmark rows carry fixed, plausible dates instead of the
/// moment they happened to be seeded (and two seeded databases hold the same data).
/// </summary>
internal sealed class SettableClock(DateTime utcNow) : TimeProvider
{
    private DateTime _utcNow = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);

    public DateTime UtcNow
    {
        get => _utcNow;
        set => _utcNow = DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }

    public override DateTimeOffset GetUtcNow() => new(_utcNow, TimeSpan.Zero);
}

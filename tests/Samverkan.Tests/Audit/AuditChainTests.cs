using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Audit;
using Samverkan.Cli;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Audit;

/// <summary>
/// The audit log is a hash chain: tampering directly in the database (an edited field, a deleted row,
/// rows swapped) is found by <c>samverkan audit verify</c>, on SQLite and PostgreSQL alike.
/// Each test gets a database of its own, because most of them break its chain on purpose.
/// </summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.BuildServices();
        await AddContactsAsync("Karin Lind", "Olle Berg", "Märta Ström", "Per Åkesson");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task AddContactsAsync(params string[] names)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Current = Actor.Operator("test");
        var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();
        var region = await db.Organizations.FirstAsync(o => o.Code == "20");
        foreach (var name in names)
        {
            // One save per contact, so each is its own append to the chain.
            db.ContactPeople.Add(new ContactPerson { OrganizationId = region.Id, Name = name, Title = "Kulturstrateg" });
            await db.SaveChangesAsync();
        }
    }

    private async Task<AuditChainReport> VerifyAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Current = Actor.Operator("test");
        var result = await scope.ServiceProvider.GetRequiredService<VerifyAuditChain>().ExecuteAsync();
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private async Task SqlAsync(string sql)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SamverkanDb>().Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<T> QueryAsync<T>(Func<SamverkanDb, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SamverkanDb>());
    }

    /// <summary>The position of the contact entry for <paramref name="name"/>, somewhere inside the chain.</summary>
    private Task<long> SequenceOfAsync(string name) => QueryAsync(db => db.AuditLog
        .Where(a => a.EntityType == nameof(ContactPerson) && a.After!.Contains(name)).Select(a => a.Sequence!.Value).SingleAsync());

    [Fact]
    public async Task Verify_OnAnUntouchedLog_IsIntact_AndCoversEveryRowInOrder()
    {
        var report = await VerifyAsync();

        Assert.True(report.Intact, report.FirstBreak?.Reason);
        var rows = await QueryAsync(db => db.AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(rows.Count, report.Entries);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long?)i), rows.Select(r => r.Sequence));
        Assert.Equal(rows[^1].Hash, report.HeadHash);
        Assert.Equal(AuditChain.Genesis, rows[0].PreviousHash);
        Assert.All(rows.Skip(1).Zip(rows), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
    }

    [Fact]
    public async Task Verify_AfterAFieldIsEditedInTheDatabase_NamesThatEntry()
    {
        var sequence = await SequenceOfAsync("Olle Berg");
        await SqlAsync($"UPDATE \"AuditLog\" SET \"After\" = REPLACE(\"After\", 'Olle Berg', 'Olle Borg') WHERE \"Sequence\" = {sequence}");

        var report = await VerifyAsync();

        Assert.False(report.Intact);
        Assert.Equal(sequence, report.FirstBreak!.Sequence);
        Assert.Contains("innehållet", report.FirstBreak.Reason);
        Assert.Equal(sequence - 1, report.HeadSequence);
    }

    [Fact]
    public async Task Verify_AfterTheActorIsEditedInTheDatabase_NamesThatEntry()
    {
        var sequence = await SequenceOfAsync("Märta Ström");
        await SqlAsync($"UPDATE \"AuditLog\" SET \"ActorName\" = 'någon annan' WHERE \"Sequence\" = {sequence}");

        var report = await VerifyAsync();

        Assert.Equal(sequence, report.FirstBreak?.Sequence);
    }

    [Fact]
    public async Task Verify_AfterARowIsDeleted_NamesTheGap()
    {
        var sequence = await SequenceOfAsync("Olle Berg");
        await SqlAsync($"DELETE FROM \"AuditLog\" WHERE \"Sequence\" = {sequence}");

        var report = await VerifyAsync();

        Assert.False(report.Intact);
        Assert.Equal(sequence + 1, report.FirstBreak!.Sequence);
        Assert.Contains($"löpnummer {sequence} saknas", report.FirstBreak.Reason);
    }

    [Fact]
    public async Task Verify_AfterARowIsDeletedAndTheRestRenumbered_NamesTheBrokenLink()
    {
        var sequence = await SequenceOfAsync("Olle Berg");
        await SqlAsync($"DELETE FROM \"AuditLog\" WHERE \"Sequence\" = {sequence}");
        // Closing the gap one row at a time (ascending, so the unique index never sees two equal positions).
        var later = await QueryAsync(db => db.AuditLog.Where(a => a.Sequence > sequence).OrderBy(a => a.Sequence).Select(a => a.Sequence!.Value).ToListAsync());
        foreach (var s in later) await SqlAsync($"UPDATE \"AuditLog\" SET \"Sequence\" = {s - 1} WHERE \"Sequence\" = {s}");

        var report = await VerifyAsync();

        Assert.False(report.Intact);
        Assert.Equal(sequence, report.FirstBreak!.Sequence);
    }

    [Fact]
    public async Task Verify_AfterTwoRowsAreSwapped_NamesTheFirstOfThem()
    {
        var first = await SequenceOfAsync("Olle Berg");
        var second = await SequenceOfAsync("Märta Ström");
        await SqlAsync($"UPDATE \"AuditLog\" SET \"Sequence\" = -1 WHERE \"Sequence\" = {first}");
        await SqlAsync($"UPDATE \"AuditLog\" SET \"Sequence\" = {first} WHERE \"Sequence\" = {second}");
        await SqlAsync($"UPDATE \"AuditLog\" SET \"Sequence\" = {second} WHERE \"Sequence\" = -1");

        var report = await VerifyAsync();

        Assert.False(report.Intact);
        Assert.Equal(Math.Min(first, second), report.FirstBreak!.Sequence);
    }

    [Fact]
    public async Task Verify_WhenAHashIsRemoved_ReportsTheUnchainedRow()
    {
        var last = await QueryAsync(db => db.AuditLog.MaxAsync(a => a.Sequence!.Value));
        await SqlAsync($"UPDATE \"AuditLog\" SET \"Hash\" = NULL WHERE \"Sequence\" = {last}");

        var report = await VerifyAsync();

        Assert.False(report.Intact);
        Assert.Equal(last, report.FirstBreak!.Sequence);
    }

    [Fact]
    public async Task ConcurrentWriters_KeepTheChainLinear()
    {
        var before = await QueryAsync(db => db.AuditLog.CountAsync());

        // Eight writers, each with its own context and connection, appending at once.
        await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => AddContactsAsync($"Samtidig {i}a", $"Samtidig {i}b", $"Samtidig {i}c"))));

        var report = await VerifyAsync();
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(before + 24, report.Entries);
        Assert.Equal(report.Entries, report.HeadSequence);
    }

    [Fact]
    public async Task ChangingAnEntryThroughTheApplication_IsRefused()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();
        var entry = await db.AuditLog.OrderBy(a => a.Sequence).FirstAsync();
        entry.ActorName = "omskrivet";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditLog.Remove(await db.AuditLog.OrderBy(a => a.Sequence).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task RowsWrittenBeforeTheChain_AreSealedOnMigrate_InTheOrderTheyWereWritten()
    {
        // What a log from before the AuditChain migration looks like: no positions and no hashes.
        await SqlAsync("UPDATE \"AuditLog\" SET \"Sequence\" = NULL, \"PreviousHash\" = NULL, \"Hash\" = NULL");
        Assert.False((await VerifyAsync()).Intact);

        await using (var scope = _services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ActorContext>().Current = Actor.Operator("test");
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }
        await AddContactsAsync("Efter förseglingen");

        var report = await VerifyAsync();
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        var ids = await QueryAsync(db => db.AuditLog.OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync());
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public async Task Verify_ForAnyoneButTheOperator_IsRefused()
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Current =
            new Actor("u1", "Anna", Guid.NewGuid(), "20", OrganizationKind.Region, "20", Roles.RegionAdmin);

        var result = await scope.ServiceProvider.GetRequiredService<VerifyAuditChain>().ExecuteAsync();

        Assert.Equal(ErrorKind.Forbidden, result.Error?.Kind);
    }

    [Fact]
    public async Task Cli_AuditVerify_ExitsZeroWhenIntact_AndOneNamingTheEntryWhenBroken()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var intact = await CliApp.RunAsync(["audit", "verify"], new StringReader(""), stdout, stderr, _database.Settings);

        Assert.Equal(0, intact);
        var count = await QueryAsync(db => db.AuditLog.CountAsync());
        Assert.Contains($"{count} poster, kedjan är obruten.", stdout.ToString());
        Assert.Equal("", stderr.ToString());

        var sequence = await SequenceOfAsync("Per Åkesson");
        var id = await QueryAsync(db => db.AuditLog.Where(a => a.Sequence == sequence).Select(a => a.Id).SingleAsync());
        await SqlAsync($"UPDATE \"AuditLog\" SET \"EntityId\" = 'x' WHERE \"Sequence\" = {sequence}");
        stdout = new StringWriter();
        stderr = new StringWriter();
        var broken = await CliApp.RunAsync(["audit", "verify"], new StringReader(""), stdout, stderr, _database.Settings);

        Assert.Equal(1, broken);
        Assert.Equal("", stdout.ToString());
        Assert.Contains($"bruten vid post {id} (löpnummer {sequence})", stderr.ToString());
        Assert.Contains("(audit.chain-broken)", stderr.ToString());
    }
}

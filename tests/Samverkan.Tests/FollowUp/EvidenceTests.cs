using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Samverkan.FollowUp;
using static Samverkan.Tests.FollowUp.FollowUpWorld;

namespace Samverkan.Tests.FollowUp;

/// <summary>Attaching, reading and removing evidence: stored by hash outside the database, readable only by those involved.</summary>
public sealed class EvidenceTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    private Task<Samverkan.Common.Result<EvidenceView>> AddAsync(string? who, Scenario s, Guid commitment, string name, byte[] content) =>
        world.RunAsync(who, (AddEvidence add) => add.ExecuteAsync(new AddEvidenceCommand(s.RoundId, commitment, name, content)));

    private async Task<byte[]?> DownloadAsync(string? who, Guid id)
    {
        var result = await world.RunAsync(who, (GetEvidence get) => get.ExecuteAsync(id));
        if (!result.IsSuccess) return null;
        await using var stream = result.Value.Content;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Add_StoresTheBytesByHashOutsideTheDatabase_AndRecordsARevision()
    {
        var s = await world.ScenarioAsync();
        var entry = (await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment)).Value;
        var file = (await AddAsync(Smedjebacken, s, s.MunicipalCommitment, "C:\\Dokument\\Skapande skola ansökan.pdf", EvidenceTypesTests.Pdf)).Value;

        var sha = Convert.ToHexStringLower(SHA256.HashData(EvidenceTypesTests.Pdf));
        Assert.Equal(("Skapande skola ansökan.pdf", "application/pdf", (long)EvidenceTypesTests.Pdf.Length, sha, $"/api/v1/evidence/{file.Id}"),
            (file.FileName, file.ContentType, file.Size, file.Sha256, file.Url));
        Assert.True(File.Exists(Path.Combine(world.Database.EvidenceFolder, sha)));
        var form = (await world.FormAsync(Smedjebacken, s)).Value;
        var shown = form.Commitments.Single(c => c.CommitmentId == s.MunicipalCommitment).Entry!;
        Assert.Equal((2, file.Id), (shown.Version, Assert.Single(shown.Evidence).Id));
        var revision = await world.QueryAsync(db => db.Set<FollowUpEntryRevision>().SingleAsync(r => r.EntryId == entry.Id && r.Version == 2));
        Assert.Equal("evidence-added", revision.Kind);
        Assert.Equal((0, 1), (FollowUpStore.ReadSnapshot(revision.Before)!.Evidence.Count, FollowUpStore.ReadSnapshot(revision.After)!.Evidence.Count));
        // The file's version bump means an edit from the version before the upload is stale.
        await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, 100, version: 1), "follow-up.entry-stale");
    }

    [Fact]
    public async Task Get_GivesTheBytesToThePartiesAndTheRegion_AndNobodyElse()
    {
        var s = await world.ScenarioAsync();
        await world.SaveAsync(Smedjebacken, s, s.JointCommitment);
        var file = (await AddAsync(Smedjebacken, s, s.JointCommitment, "foto.png", EvidenceTypesTests.Png)).Value;

        foreach (var who in new[] { Smedjebacken, SmedjebackenViewer, RegionOfficer, RegionViewer })
            Assert.Equal(EvidenceTypesTests.Png, await DownloadAsync(who, file.Id));
        Assert.Equal("evidence.not-found", (await world.RunAsync(Mora, (GetEvidence get) => get.ExecuteAsync(file.Id))).Error!.Code);
        Assert.Equal("evidence.not-found", (await world.RunAsync(Gavleborg, (GetEvidence get) => get.ExecuteAsync(file.Id))).Error!.Code);
        Assert.Equal("access.unauthenticated", (await world.RunAsync(null, (GetEvidence get) => get.ExecuteAsync(file.Id))).Error!.Code);
        Assert.Equal("evidence.not-found", (await world.RunAsync(RegionOfficer, (GetEvidence get) => get.ExecuteAsync(Guid.NewGuid()))).Error!.Code);
    }

    [Fact]
    public async Task Add_IsRefusedBeforeAnyByteIsStored_ForBadFilesMissingEntriesAndOutsiders()
    {
        var s = await world.ScenarioAsync();
        await world.RefusedAsync(() => AddAsync(Smedjebacken, s, s.MunicipalCommitment, "program.pdf", EvidenceTypesTests.Pdf), "follow-up.entry-required");
        await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment);
        await world.RefusedAsync(() => AddAsync(Smedjebacken, s, s.MunicipalCommitment, "virus.exe", [0x4D, 0x5A, 0x90, 0]), EvidenceTypes.TypeRefused, "file");
        await world.RefusedAsync(() => AddAsync(Smedjebacken, s, s.MunicipalCommitment, "program.pdf", EvidenceTypesTests.Png), EvidenceTypes.ContentMismatch, "file");
        await world.RefusedAsync(() => AddAsync(Smedjebacken, s, s.MunicipalCommitment, "stor.pdf", [.. EvidenceTypesTests.Pdf, .. new byte[EvidenceOptions.DefaultMaxBytes]]),
            EvidenceTypes.TooLarge, "file");
        await world.RefusedAsync(() => AddAsync(Mora, s, s.MunicipalCommitment, "program.pdf", EvidenceTypesTests.Pdf), "access.forbidden");
        await world.RefusedAsync(() => AddAsync(RegionOfficer, s, s.MunicipalCommitment, "program.pdf", EvidenceTypesTests.Pdf), "follow-up.commitment-not-held");
        await world.RefusedAsync(() => AddAsync(null, s, s.MunicipalCommitment, "program.pdf", EvidenceTypesTests.Pdf), "access.unauthenticated");
    }

    [Fact]
    public async Task Add_AndRemove_AreLockedOnceTheAnswerIsSubmitted()
    {
        var s = await world.ScenarioAsync();
        await world.AnswerAllAsync(s);
        var file = (await AddAsync(Smedjebacken, s, s.MunicipalCommitment, "program.pdf", EvidenceTypesTests.Pdf)).Value;
        await world.SubmitAsync(Smedjebacken, s);
        await world.RefusedAsync(() => AddAsync(Smedjebacken, s, s.MunicipalCommitment, "foto.png", EvidenceTypesTests.Png), "follow-up.submission-locked");
        await world.RefusedAsync(() => world.RunAsync(Smedjebacken, (RemoveEvidence remove) => remove.ExecuteAsync(file.Id)), "follow-up.submission-locked");
    }

    [Fact]
    public async Task Remove_TakesTheFileOffTheEntry_ButKeepsItForTheHistory()
    {
        var s = await world.ScenarioAsync();
        await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment);
        var file = (await AddAsync(Smedjebacken, s, s.MunicipalCommitment, "program.pdf", EvidenceTypesTests.Pdf)).Value;

        await world.RefusedAsync(() => world.RunAsync(Mora, (RemoveEvidence remove) => remove.ExecuteAsync(file.Id)), "access.forbidden");
        Assert.True((await world.RunAsync(Smedjebacken, (RemoveEvidence remove) => remove.ExecuteAsync(file.Id))).IsSuccess);
        var entry = (await world.FormAsync(Smedjebacken, s)).Value.Commitments.Single(c => c.CommitmentId == s.MunicipalCommitment).Entry!;
        Assert.Equal((3, 0), (entry.Version, entry.Evidence.Count));
        Assert.Equal(EvidenceTypesTests.Pdf, await DownloadAsync(RegionOfficer, file.Id));
        var kinds = await world.QueryAsync(db => db.Set<FollowUpEntryRevision>().Where(r => r.EntryId == entry.Id).OrderBy(r => r.Version).Select(r => r.Kind).ToListAsync());
        Assert.Equal(["created", "evidence-added", "evidence-removed"], kinds);
        await world.RefusedAsync(() => world.RunAsync(Smedjebacken, (RemoveEvidence remove) => remove.ExecuteAsync(file.Id)), "evidence.not-found");
    }
}

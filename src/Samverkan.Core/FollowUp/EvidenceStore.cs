using System.Text.RegularExpressions;

namespace Samverkan.FollowUp;

/// <summary>
/// Where evidence bytes live: outside the database and outside the web root, addressed by their SHA-256, so the
/// same file uploaded twice is stored once and a stored file can be checked against its hash.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Stores the bytes (once per hash) and answers the storage key to keep with the <see cref="EvidenceFile"/>.</summary>
    Task<string> SaveAsync(byte[] content, string sha256, CancellationToken ct = default);

    /// <summary>The stored bytes, or null when the key is unknown.</summary>
    Task<Stream?> OpenAsync(string storageKey, CancellationToken ct = default);
}

/// <summary>Files named by their SHA-256 in one folder (<see cref="EvidenceOptions.Folder"/>, by default <c>data/evidence</c>).</summary>
public sealed partial class FileSystemEvidenceStore(EvidenceOptions options) : IEvidenceStore
{
    public async Task<string> SaveAsync(byte[] content, string sha256, CancellationToken ct = default)
    {
        var path = PathOf(sha256);
        if (File.Exists(path)) return sha256;
        Directory.CreateDirectory(options.Folder);
        // Write beside the target and move into place, so a reader never sees half a file and two uploads of the same
        // bytes at once both end well (the second move finds the file there and is dropped).
        var temporary = Path.Combine(options.Folder, $".{sha256}.{Guid.NewGuid():N}.part");
        try
        {
            await File.WriteAllBytesAsync(temporary, content, ct);
            try { File.Move(temporary, path); }
            catch (IOException) when (File.Exists(path)) { }
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        return sha256;
    }

    public Task<Stream?> OpenAsync(string storageKey, CancellationToken ct = default)
    {
        var path = PathOf(storageKey);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    // The key comes from our own database, but it is checked anyway: nothing but 64 hex digits ever becomes a path.
    private string PathOf(string key) =>
        Sha256Hex().IsMatch(key) ? Path.Combine(options.Folder, key) : throw new ArgumentException($"Not an evidence storage key: '{key}'.", nameof(key));

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}

using Xunit.Abstractions;

namespace Samverkan.Documents.Tests.Import.Support;

/// <summary>
/// The customer's agreement lives outside the repository (../shared/seeds/) and must never be copied in.
/// Where it is missing the tests say so in their output and stop.
/// </summary>
internal static class CustomerDocument
{
    public const string FileName = "overenskommelse-smedjebacken-region-dalarna-2019-2022.txt";

    public static byte[]? TryLoad(ITestOutputHelper output)
    {
        var path = Path.Combine(RepositoryPaths.Seeds, FileName);
        if (!Directory.Exists(RepositoryPaths.Seeds) || !File.Exists(path))
        {
            output.WriteLine($"Kundens dokument saknas ({path}); testet hoppar över kontrollerna mot det. Lägg mappen ../shared/seeds bredvid repot för att köra dem.");
            return null;
        }

        return File.ReadAllBytes(path);
    }
}

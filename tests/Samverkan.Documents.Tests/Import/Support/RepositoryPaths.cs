namespace Samverkan.Documents.Tests.Import.Support;

internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverkan.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Hittade inte Samverkan.slnx ovanför " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Seeds => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    /// <summary>
    /// Fixtures are read from the output folder when the project copies them there, otherwise straight from
    /// the source tree (the test project file is shared and does not list them yet).
    /// </summary>
    public static string Fixture(string name)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", name);
        if (File.Exists(copied)) return copied;
        return Path.Combine(Root, "tests", "Samverkan.Documents.Tests", "Import", "Fixtures", name);
    }
}

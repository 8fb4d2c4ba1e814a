using System.Globalization;

namespace Samverkan.Common;

/// <summary>
/// Swedish collation (å, ä, ö after z, in that order). Applied in memory because SQLite compares bytes
/// (which puts ä before å) and PostgreSQL's order depends on the server's locale; lists sorted by name
/// are small (at most 290 municipalities), so the database does not need to do it.
/// </summary>
public static class SwedishText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("sv-SE");
    public static readonly StringComparer Comparer = StringComparer.Create(Culture, ignoreCase: false);

    public static IOrderedEnumerable<T> OrderBySwedish<T>(this IEnumerable<T> items, Func<T, string> key) =>
        items.OrderBy(key, Comparer);
}

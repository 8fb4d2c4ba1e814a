using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samverkan.Data;

/// <summary>
/// Text with a NUL character (U+0000) can be neither stored nor searched for in PostgreSQL, which fails the command;
/// SQLite takes it. So that both databases answer the same, and that answer is "bad input" rather than a server error,
/// every command is checked before it is sent: a string parameter holding a NUL stops it with <see cref="NulInTextException"/>,
/// which the front ends map to 400 (API) or a form-free 400 page. Nothing is written: the command never runs, and a
/// save is one transaction. Use cases that validate their text say so earlier with a message naming the field; this is
/// the net under every query and save, found by fuzzing (HostileInputTests, <c>?region=%00</c>) on PostgreSQL.
/// </summary>
internal sealed class NulGuard : DbCommandInterceptor
{
    public static readonly NulGuard Instance = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
            if (parameter.Value is string text && text.Contains('\0')) throw new NulInTextException();
    }
}

/// <summary>Input held a NUL character, which no text in Samverkan may contain (see <see cref="NulGuard"/>).</summary>
public sealed class NulInTextException() : Exception("Texten innehåller ett nolltecken (NUL), som inte kan sparas eller sökas på. Ta bort det och försök igen.")
{
    public const string Code = "request.text-invalid";

    /// <summary>The NUL refusal in an exception or among its causes (a save wraps it in a DbUpdateException).</summary>
    public static NulInTextException? In(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is NulInTextException nul) return nul;
        return null;
    }
}

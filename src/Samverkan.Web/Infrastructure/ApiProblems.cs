using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Samverkan.Common;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// The one place where expected failures become HTTP (RFC 9457 problem+json with a stable <c>code</c>,
/// as the DIGG REST profile asks).
/// </summary>
public static class ApiProblems
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string TitleOf(int status) => status switch
    {
        400 => "Felaktig begäran",
        401 => "Inloggning krävs",
        403 => "Åtkomst nekad",
        404 => "Hittades inte",
        405 => "Metoden stöds inte",
        406 => "Formatet kan inte levereras",
        409 => "Konflikt",
        413 => "För stor begäran",
        415 => "Mediatypen stöds inte",
        429 => "För många förfrågningar",
        _ => "Internt fel",
    };

    public static string DefaultCode(int status) => status switch
    {
        400 => "request.invalid",
        401 => "access.unauthenticated",
        403 => "access.forbidden",
        404 => "resource.not-found",
        405 => "request.method-not-allowed",
        406 => "request.not-acceptable",
        409 => "request.conflict",
        413 => "request.too-large",
        415 => "request.unsupported-media-type",
        429 => "request.rate-limited",
        _ => "server.error",
    };

    /// <summary>Failures whose HTTP status is more specific than their kind's (RFC 9110 413 and 415).</summary>
    private static readonly Dictionary<string, int> StatusByCode = new(StringComparer.Ordinal)
    {
        ["import.too-large"] = StatusCodes.Status413PayloadTooLarge,
        ["import.unsupported-type"] = StatusCodes.Status415UnsupportedMediaType,
        [FollowUp.EvidenceTypes.TooLarge] = StatusCodes.Status413PayloadTooLarge,
        [FollowUp.EvidenceTypes.TypeRefused] = StatusCodes.Status415UnsupportedMediaType,
        [FollowUp.EvidenceTypes.ContentMismatch] = StatusCodes.Status415UnsupportedMediaType,
        [FollowUp.ImportFollowUpForm.TooLarge] = StatusCodes.Status413PayloadTooLarge,
    };

    /// <param name="statusCode">A status the front end knows better than the error's kind (406 and 415 from content negotiation).</param>
    public static ProblemHttpResult ToProblem(this Error error, int? statusCode = null)
    {
        var status = statusCode ?? (StatusByCode.TryGetValue(error.Code, out var specific) ? specific : StatusOf(error.Kind));
        var problem = new ProblemDetails
        {
            Status = status,
            Title = TitleOf(status),
            Detail = error.Message,
            Type = TypeUri(error.Code),
        };
        problem.Extensions["code"] = error.Code;
        if (error.Field is not null) problem.Extensions["errors"] = new Dictionary<string, string[]> { [error.Field] = [error.Message] };
        foreach (var (key, value) in error.Extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return TypedResults.Problem(problem);
    }

    public static string TypeUri(string code) => $"urn:samverkan:problem:{code}";

    public static IResult Map<T>(this Result<T> result, Func<T, IResult> ok) => result.IsSuccess ? ok(result.Value) : result.Error!.ToProblem();

    /// <summary>Gives every problem (ours, the framework's 400s from binding, 404s, exceptions) the same shape.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var p = context.ProblemDetails;
        var status = p.Status ?? context.HttpContext.Response.StatusCode;
        p.Instance ??= context.HttpContext.Request.Path;
        p.Title = p.Title is null or "Bad Request" or "Not Found" or "Unauthorized" or "Forbidden" or "An error occurred while processing your request."
                  // The framework's English defaults: its reason phrase, and RFC 9110's newer name for 413.
                  || p.Title == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) || p.Title == "Content Too Large"
            ? TitleOf(status) : p.Title;
        if (Data.NulInTextException.In(context.Exception) is { } nul)
        {
            p.Detail = nul.Message;
            p.Extensions["code"] = Data.NulInTextException.Code;
            p.Type = TypeUri(Data.NulInTextException.Code);
        }
        if (!p.Extensions.ContainsKey("code"))
        {
            var code = DefaultCode(status);
            p.Extensions["code"] = code;
            if (p.Type is null || p.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal)) p.Type = TypeUri(code);
        }
        // The same two ids are in every log line of the request (its scopes) and, for traceId, on its span.
        p.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
        if (System.Diagnostics.Activity.Current is { } activity) p.Extensions["traceId"] = activity.TraceId.ToHexString();
        else p.Extensions.Remove("traceId");
    }
}

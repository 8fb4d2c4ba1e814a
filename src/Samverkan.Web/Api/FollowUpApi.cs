using Microsoft.AspNetCore.Http.Features;
using Samverkan.Common;
using Samverkan.FollowUp;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Api;

public static class FollowUpApi
{
    /// <summary>Room for the multipart envelope around the file (boundaries, headers, the small form fields).</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static void MapFollowUpApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Uppföljning");

        api.MapPost("/follow-up-rounds", async (RoundBody body, OpenFollowUpRound open, CancellationToken ct) =>
                (await open.ExecuteAsync(new OpenFollowUpRoundCommand(body.PlanId ?? Guid.Empty, body.Year ?? 0, body.Deadline, body.Instructions), ct))
                .Map(r => TypedResults.Created($"/api/v1/follow-up-rounds/{r.Id}", r)))
            .Produces<FollowUpRoundView>(StatusCodes.Status201Created).Problems(400, 401, 403, 404, 409)
            .WithSummary("Öppna en uppföljningsomgång")
            .WithDescription("Regionens handläggare öppnar årets uppföljning av en antagen plans överenskommelser: {planId, year, deadline, instructions}. "
                + "En omgång per plan och år.")
            .WithName("OpenFollowUpRound");

        api.MapGet("/follow-up-rounds", async (string? region, int? year, ListFollowUpRounds list, CancellationToken ct) =>
                (await list.ExecuteAsync(region, year, ct)).Map(items => TypedResults.Ok(new { items })))
            .Produces<FollowUpRoundList>().Problems(400, 401, 404)
            .WithSummary("Regionens uppföljningsomgångar").WithDescription("Nyaste året först, med hur många svar som är inskickade och godkända.")
            .WithName("ListFollowUpRounds");

        api.MapGet("/follow-up-rounds/{id:guid}", async (Guid id, GetFollowUpRound get, CancellationToken ct) =>
                (await get.ExecuteAsync(id, ct)).Map(TypedResults.Ok))
            .Produces<FollowUpRoundView>().Problems(401, 404)
            .WithSummary("En uppföljningsomgång")
            .WithDescription("Överenskommelserna i omgången och, per part som gett åtaganden, hur långt svaret har kommit. "
                + "Regionens handläggare ser alla överenskommelser, en part sina egna.")
            .WithName("GetFollowUpRound");

        api.MapPost("/follow-up-rounds/{id:guid}/transitions", async Task<IResult> (Guid id, TransitionBody body, CloseFollowUpRound close, CancellationToken ct) =>
                body.To == RoundStatuses.Closed
                    ? (await close.ExecuteAsync(id, ct)).Map(TypedResults.Ok)
                    : Error.Conflict("follow-up.transition-invalid", "En uppföljningsomgång kan bara stängas: {\"to\":\"closed\"}.").ToProblem())
            .Produces<FollowUpRoundView>().Problems(401, 403, 404, 409)
            .WithSummary("Stäng en uppföljningsomgång").WithDescription("{\"to\":\"closed\"}: inga fler svar. Överenskommelserna och versionerna som följdes upp låses.")
            .WithName("CloseFollowUpRound");

        api.MapGet("/follow-up-rounds/{id:guid}/agreements/{agreementId:guid}/form",
                async (Guid id, Guid agreementId, string? party, GetFollowUpForm get, CancellationToken ct) =>
                    (await get.ExecuteAsync(id, agreementId, party, ct)).Map(TypedResults.Ok))
            .Produces<FollowUpFormView>().Problems(400, 401, 403, 404)
            .WithSummary("En parts uppföljning av en överenskommelse")
            .WithDescription("Partens åtaganden med dess svar, den andra partens svar på gemensamma åtaganden och inskickningens status. "
                + "party=kod, annars den inloggades organisation.")
            .WithName("GetFollowUpForm");

        // One resource, a party's whole form for the round, in two representations: CSV and an Excel workbook.
        api.MapGet("/follow-up-rounds/{id:guid}/forms/{organizationCode}",
                async Task<IResult> (Guid id, string organizationCode, string? format, HttpRequest request, ExportFollowUpForm export, CancellationToken ct) =>
                {
                    var chosen = format ?? Negotiate(request);
                    if (chosen is null)
                        return Error.Validation("request.not-acceptable", $"Formuläret finns som text/csv och {FollowUpFormFormats.XlsxMediaType}.")
                            .ToProblem(StatusCodes.Status406NotAcceptable);
                    return (await export.ExecuteAsync(id, organizationCode, chosen, ct))
                        .Map(file =>
                        {
                            request.HttpContext.Response.Headers.Vary = "Accept";
                            request.HttpContext.Response.Headers.CacheControl = "private, no-store";
                            return TypedResults.File(file.Content, file.MediaType, file.FileName);
                        });
                })
            .Produces<byte[]>(StatusCodes.Status200OK, "text/csv", FollowUpFormFormats.XlsxMediaType)
            .Problems(400, 401, 404, 406)
            .WithSummary("En parts uppföljningsformulär som fil")
            .WithDescription("Alla åtaganden som parten (organisationskod) har gett i omgångens överenskommelser, med nuvarande svar, en rad per åtagande: "
                + "overenskommelse_id;atagande_id;avsnitt;atagande;status;procent;beskrivning. Accept: text/csv (standard; UTF-8 med BOM, semikolon) "
                + $"eller {FollowUpFormFormats.XlsxMediaType}. format=csv|xlsx går före Accept, för vanliga länkar. "
                + "Text som skulle börja en formel (= + - @) skrivs som text.")
            .WithName("ExportFollowUpForm");

        api.MapPut("/follow-up-rounds/{id:guid}/forms/{organizationCode}",
                async Task<IResult> (Guid id, string organizationCode, HttpRequest request, ImportFollowUpForm import, CancellationToken ct) =>
                {
                    if (FollowUpFormFormats.FromMediaType(request.ContentType) is null)
                        return Error.Validation("request.unsupported-media-type",
                            $"Skicka filen som text/csv eller {FollowUpFormFormats.XlsxMediaType}.", "file").ToProblem(StatusCodes.Status415UnsupportedMediaType);
                    var body = await ReadBodyAsync(request, FollowUpLimits.ImportBytes, ct);
                    if (!body.IsSuccess) return body.Error!.ToProblem();
                    return (await import.ExecuteAsync(id, organizationCode, body.Value, ct)).Map(TypedResults.Ok);
                })
            .WithMetadata(new AcceptsUploadAttribute())
            .Accepts<byte[]>("text/csv", FollowUpFormFormats.XlsxMediaType)
            .Produces<FollowUpImportResult>().Problems(400, 401, 403, 404, 409, 413, 415)
            .WithSummary("Läs in en parts uppföljningsformulär")
            .WithDescription("Filen från GET samma adress, ifylld, som hela begärans kropp (CSV eller Excel; formatet avgörs av innehållet). "
                + "Varje rad kontrolleras först; antingen sparas alla rader, varje ändring som en revision, eller ingen. Rader utan status lämnas som de är. "
                + "Vid fel: 400 med code follow-up.import-invalid och errors: [{line, field, code, message}], en post per felaktig rad. "
                + "PUT eftersom filen ersätter formulärets svar och samma fil två gånger ger samma resultat. Högst 5 MB.")
            .WithName("ImportFollowUpForm");

        api.MapPut("/follow-up-rounds/{id:guid}/entries/{commitmentId:guid}",
                async (Guid id, Guid commitmentId, EntryBody body, HttpRequest request, SaveFollowUpEntry save, CancellationToken ct) =>
                    (await save.ExecuteAsync(new SaveFollowUpEntryCommand(id, commitmentId, body.Status, body.Progress, body.Narrative, body.Indicators,
                        Versions.From(request, body.Version), body.AgreementId, body.Party), ct)).Map(TypedResults.Ok))
            .Produces<EntryView>().Problems(400, 401, 403, 404, 409)
            .WithSummary("Spara uppföljningen av ett åtagande")
            .WithDescription("{status, progress, narrative, indicators:[{name,value,unit}], version}. status: not-started, ongoing, done, changed, cancelled; "
                + "progress 0–100 eller null. version (eller If-Match) krävs när svaret redan finns. party anges om den inloggade kan svara för flera parter.")
            .WithName("SaveFollowUpEntry");

        api.MapPost("/follow-up-rounds/{id:guid}/submissions", async (Guid id, SubmissionBody body, SubmitFollowUp submit, CancellationToken ct) =>
                (await submit.ExecuteAsync(id, body.AgreementId ?? Guid.Empty, body.Party, ct)).Map(TypedResults.Ok))
            .Produces<SubmissionView>().Problems(400, 401, 403, 404, 409)
            .WithSummary("Skicka in uppföljningen")
            .WithDescription("{agreementId, party}: partens svar för överenskommelsen går till regionen för granskning. Alla partens åtaganden måste ha ett svar.")
            .WithName("SubmitFollowUp");

        api.MapPost("/follow-up-rounds/{id:guid}/submissions/{submissionId:guid}/review",
                async (Guid id, Guid submissionId, ReviewBody body, ReviewFollowUpSubmission review, CancellationToken ct) =>
                    (await review.ExecuteAsync(id, submissionId, body.Decision, body.Comment, ct)).Map(TypedResults.Ok))
            .Produces<SubmissionView>().Problems(400, 401, 403, 404, 409)
            .WithSummary("Granska inskickad uppföljning")
            .WithDescription("{decision: accept|return, comment}: regionen godkänner eller skickar tillbaka med en kommentar (krävs vid return).")
            .WithName("ReviewFollowUpSubmission");

        api.MapPost("/follow-up-rounds/{id:guid}/entries/{commitmentId:guid}/evidence",
                async Task<IResult> (Guid id, Guid commitmentId, HttpContext http, AddEvidence add, EvidenceOptions options, CancellationToken ct) =>
                {
                    var form = await ReadUploadAsync(http, options, ct);
                    if (!form.IsSuccess) return form.Error!.ToProblem();
                    var (name, content, agreementId, party) = form.Value;
                    return (await add.ExecuteAsync(new AddEvidenceCommand(id, commitmentId, name, content, agreementId, party), ct))
                        .Map(f => TypedResults.Created(f.Url, f));
                })
            .WithMetadata(new AcceptsUploadAttribute())
            .Accepts<EvidenceForm>("multipart/form-data")
            .Produces<EvidenceView>(StatusCodes.Status201Created).Problems(400, 401, 403, 404, 409, 413, 415)
            .WithSummary("Lägg till underlag")
            .WithDescription("multipart/form-data med fältet file (och agreementId, party vid behov). Högst 10 MB som standard; "
                + "pdf, docx, xlsx, odt, png, jpg, txt och csv, kontrollerade efter innehållet. Svaret för åtagandet måste finnas först.")
            .DisableAntiforgery()
            .WithName("AddEvidence");

        api.MapGet("/evidence/{id:guid}", async Task<IResult> (Guid id, HttpContext http, GetEvidence get, CancellationToken ct) =>
            {
                var result = await get.ExecuteAsync(id, ct);
                if (!result.IsSuccess) return result.Error!.ToProblem();
                var file = result.Value;
                // Served only as a download, never shown inline: the browser neither guesses the type nor runs anything in it.
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
                http.Response.Headers.CacheControl = "private, no-store";
                http.Response.Headers.ETag = $"\"{file.Sha256}\"";
                return TypedResults.Stream(file.Content, file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").Problems(401, 404)
            .WithSummary("Hämta underlag").WithDescription("Filen som nedladdning (Content-Disposition: attachment), för överenskommelsens parter och regionens handläggare.")
            .WithName("GetEvidence");

        api.MapDelete("/evidence/{id:guid}", async (Guid id, RemoveEvidence remove, CancellationToken ct) =>
                (await remove.ExecuteAsync(id, ct)).Map(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).Problems(401, 403, 404, 409)
            .WithSummary("Ta bort underlag").WithDescription("Tas bort från svaret; filen finns kvar i historiken.")
            .WithName("RemoveEvidence");

        api.MapGet("/follow-up-rounds/{id:guid}/progress", async (Guid id, GetRoundProgress get, CancellationToken ct) =>
                (await get.ExecuteAsync(id, ct)).Map(TypedResults.Ok))
            .Produces<RoundProgress>().Problems(404)
            .WithSummary("Omgångens sammanställda framsteg")
            .WithDescription(RollUpDescription)
            .WithName("GetRoundProgress");

        api.MapGet("/plans/{id:guid}/progress", async (Guid id, int? year, GetPlanProgress get, CancellationToken ct) =>
                (await get.ExecuteAsync(id, year, ct)).Map(TypedResults.Ok))
            .Produces<PlanProgress>().Problems(400, 404)
            .WithSummary("Planens sammanställda framsteg, år för år")
            .WithDescription("En sammanställning per uppföljningsomgång (år), äldst först, och helhetssiffran för varje år sida vid sida (yearOverYear). "
                + "year=ÅÅÅÅ begränsar till ett år. " + RollUpDescription)
            .WithName("GetPlanProgress");

        api.MapGet("/public/agreements/{id:guid}/follow-up", async (Guid id, GetPublicFollowUp get, CancellationToken ct) =>
                (await get.ExecuteAsync(id, ct)).Map(TypedResults.Ok))
            .Produces<PublicFollowUp>().Problems(404)
            .WithSummary("En undertecknad överenskommelses godkända uppföljning")
            .WithDescription("För alla: per åtagande i den gällande versionen, varje parts senaste av regionen godkända svar (latest) och alla godkända svar, "
                + "nyaste året först (history). Svar som inte är godkända visas inte.")
            .WithName("GetPublicFollowUp");

        api.MapGet("/commitments/{commitmentId:guid}/timeline", async (Guid commitmentId, Guid? agreement, GetCommitmentTimeline get, CancellationToken ct) =>
                (await get.ExecuteAsync(commitmentId, agreement, ct)).Map(TypedResults.Ok))
            .Produces<CommitmentTimeline>().Problems(400, 401, 403, 404)
            .WithSummary("Ett åtagandes uppföljningshistorik")
            .WithDescription("Varje ändring av parternas svar (före och efter) och varje inskickning och granskning, över alla omgångar.")
            .WithName("GetCommitmentTimeline");
    }

    private const string RollUpDescription =
        "Bara svar som regionen har godkänt räknas. Varje siffra (total, per överenskommelse, samverkansområde, utvecklingsområde, mål och kommun) "
        + "har calculation (formeln med siffrorna), countedWeight av totalWeight (täckning) och parts: varje parts andel av varje åtagande med vikt, "
        + "status, procentsats och outcome (counted, missing, no-figure, cancelled). Saknade svar räknas inte in i medelvärdet utan visas som saknade.";

    /// <summary>
    /// Reads the uploaded file without taking in more than the limit allows: a declared length over it is refused at
    /// once, and the server stops reading a body that grows past it.
    /// </summary>
    private static async Task<Result<(string? Name, byte[] Content, Guid? AgreementId, string? Party)>> ReadUploadAsync(
        HttpContext http, EvidenceOptions options, CancellationToken ct)
    {
        var request = http.Request;
        if (request.ContentLength > options.MaxBytes + MultipartOverhead) return EvidenceTypes.TooLargeError(options.MaxBytes);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.MaxBytes + MultipartOverhead;
        if (!request.HasFormContentType)
            return Error.Validation("evidence.file-required", "Skicka filen som multipart/form-data i fältet file.", "file");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return EvidenceTypes.TooLargeError(options.MaxBytes);
        }
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null) return Error.Validation("evidence.file-required", "Skicka filen som multipart/form-data i fältet file.", "file");
        if (file.Length > options.MaxBytes) return EvidenceTypes.TooLargeError(options.MaxBytes);
        Guid? agreementId = null;
        if (form.TryGetValue("agreementId", out var text) && !string.IsNullOrWhiteSpace(text))
        {
            if (!Guid.TryParse(text, out var parsed))
                return Error.Validation("request.invalid", "agreementId måste vara ett id (uuid).", "agreementId");
            agreementId = parsed;
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (file.FileName, buffer.ToArray(), agreementId, form.TryGetValue("party", out var party) ? party.ToString() : null);
    }

    /// <summary>The format the Accept header prefers among the two (none, or */*, means CSV); null when it accepts neither.</summary>
    private static string? Negotiate(HttpRequest request)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
            return FollowUpFormFormats.Csv;
        foreach (var media in accepted.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var type = media.MediaType.Value ?? "";
            if (type is "*/*" or "text/*") return FollowUpFormFormats.Csv;
            if (type == "application/*") return FollowUpFormFormats.Xlsx;
            if (FollowUpFormFormats.FromMediaType(type) is { } format) return format;
        }
        return null;
    }

    /// <summary>The request body, refused as soon as it is longer than <paramref name="max"/> bytes (by its declared length, or while reading).</summary>
    private static async Task<Result<byte[]>> ReadBodyAsync(HttpRequest request, int max, CancellationToken ct)
    {
        var tooLarge = Error.Validation(ImportFollowUpForm.TooLarge, $"Filen är för stor. En uppföljning får vara högst {max / (1024 * 1024)} MB.", "file");
        if (request.ContentLength > max) return tooLarge;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) return tooLarge;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }

    public sealed record RoundBody(Guid? PlanId, int? Year, DateOnly? Deadline, string? Instructions);

    public sealed record FollowUpRoundList(IReadOnlyList<FollowUpRoundSummary> Items);

    public sealed record TransitionBody(string? To);

    public sealed record EntryBody(
        string? Status, int? Progress, string? Narrative, List<IndicatorValueInput>? Indicators, int? Version, Guid? AgreementId, string? Party);

    public sealed record SubmissionBody(Guid? AgreementId, string? Party);

    public sealed record ReviewBody(string? Decision, string? Comment);

    /// <summary>The upload form, for the API description.</summary>
    public sealed record EvidenceForm(IFormFile File, Guid? AgreementId, string? Party);
}

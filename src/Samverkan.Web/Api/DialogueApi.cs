using Samverkan.Dialogue;
using Samverkan.Documents.Dialogue;
using Samverkan.Web.Infrastructure;
using Samverkan.YearlyCycle;

namespace Samverkan.Web.Api;

public static class DialogueApi
{
    public static void MapDialogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Dialog och årshjul");

        api.MapGet("/dialogue-meetings", async (string? region, int? year, string? municipality, ListDialogueMeetings list, CancellationToken ct) =>
                (await list.ExecuteAsync(region, year, municipality, ct)).Map(items => TypedResults.Ok(new DialogueMeetingList(items))))
            .Produces<DialogueMeetingList>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Regionens dialogmöten")
            .WithDescription("region=20, valfritt year och municipality (kommunkod). Äldst först. Justerade protokoll visas för alla, utkast för "
                + "regionens och kommunens egna konton.")
            .WithName("ListDialogueMeetings");

        api.MapPost("/dialogue-meetings", async (MeetingBody body, CreateDialogueMeeting create, CancellationToken ct) =>
                (await create.ExecuteAsync(new CreateDialogueMeetingCommand(body.Region, body.ToInput()), ct))
                .Map(m => TypedResults.Created($"/api/v1/dialogue-meetings/{m.Id}", m)))
            .Produces<DialogueMeetingView>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404)
            .WithSummary("För protokoll från ett dialogmöte")
            .WithDescription("{region, kind: municipal-dialogue|regional-forum, date, place, municipality (kommunkod, bara för municipal-dialogue), title, "
                + "organizations:[kod], people:[{name, role, organization}], agenda:[{title, notes}], notes, decisions:[{text, commitments:[id], goals:[id]}]}. "
                + "Regionens handläggare för båda slagen; kommunens kulturhandläggare sin egen kommundialog. Sparas som utkast.")
            .WithName("CreateDialogueMeeting");

        api.MapGet("/dialogue-meetings/{id:guid}", async (Guid id, int? revision, GetDialogueMeeting get, HttpContext http, CancellationToken ct) =>
                (await get.ExecuteAsync(id, revision, ct)).Map(m =>
                {
                    http.Response.Headers.ETag = $"W/\"{m.Version}\"";
                    return TypedResults.Ok(m);
                }))
            .Produces<DialogueMeetingView>().ProducesProblem(401).ProducesProblem(404)
            .WithSummary("Ett dialogmöte med protokoll")
            .WithDescription("revision=n visar en tidigare revision av det justerade protokollet. Besluten visar de åtaganden och mål de gäller.")
            .WithName("GetDialogueMeeting");

        api.MapPut("/dialogue-meetings/{id:guid}", async (Guid id, MeetingBody body, HttpRequest request, UpdateDialogueMeeting update, CancellationToken ct) =>
                (await update.ExecuteAsync(new UpdateDialogueMeetingCommand(id, Versions.From(request, body.Version), body.ToInput(), body.ChangeNote), ct))
                .Map(TypedResults.Ok))
            .Produces<DialogueMeetingView>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Ändra ett dialogmötes protokoll")
            .WithDescription("Hela mötet som vid POST, med version (eller If-Match). Slag och kommun kan inte ändras. Ett justerat protokoll ändras bara "
                + "med changeNote (varför): ändringen blir en ny revision och de tidigare finns kvar.")
            .WithName("UpdateDialogueMeeting");

        api.MapPost("/dialogue-meetings/{id:guid}/approval", async (Guid id, ApprovalBody body, HttpRequest request, ApproveDialogueMeeting approve, CancellationToken ct) =>
                (await approve.ExecuteAsync(id, Versions.From(request, body.Version), ct)).Map(TypedResults.Ok))
            .Produces<DialogueMeetingView>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Justera protokollet")
            .WithDescription("{version}: protokollet blir justerat (revision 1) och offentligt. Senare ändringar blir nya revisioner.")
            .WithName("ApproveDialogueMeeting");

        api.MapGet("/dialogue-meetings/{id:guid}/minutes", async (Guid id, int? revision, ExportDialogueMinutes export, CancellationToken ct) =>
                (await export.ExecuteAsync(id, revision, ct)).Map(d => TypedResults.File(d.Content, d.MediaType, d.FileName)))
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(401).ProducesProblem(404)
            .WithSummary("Protokollet som PDF")
            .WithDescription("Deltagare, dagordning, anteckningar och beslut med de åtaganden och mål de gäller; revision=n för en tidigare revision.")
            .WithName("GetDialogueMinutes");

        api.MapGet("/yearly-cycle", async (string? region, int? year, GetYearlyCycle get, CancellationToken ct) =>
                (await get.ExecuteAsync(region, year, ct)).Map(TypedResults.Ok))
            .Produces<YearlyCycleView>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Årshjulet: årets hållpunkter")
            .WithDescription("region=20&year=2025: planperiod, överenskommelsers perioder och underskrifter, uppföljningsomgångar (för inloggade), "
                + "dialogmöten och redovisningarna till staten, månad för månad. assumed=true: datumet är ett antagande, inte uppgifter ur systemet.")
            .WithName("GetYearlyCycle");
    }

    public sealed record DialogueMeetingList(IReadOnlyList<DialogueMeetingSummary> Items);

    public sealed record MeetingBody(
        string? Region, string? Kind, DateOnly? Date, string? Place, string? Municipality, string? Title, List<string>? Organizations,
        List<ParticipantInput>? People, List<AgendaItemInput>? Agenda, string? Notes, List<DecisionInput>? Decisions, int? Version, string? ChangeNote)
    {
        public DialogueMeetingInput ToInput() => new(Kind, Date, Place, Municipality, Title, Organizations, People, Agenda, Notes, Decisions);
    }

    public sealed record ApprovalBody(int? Version);
}

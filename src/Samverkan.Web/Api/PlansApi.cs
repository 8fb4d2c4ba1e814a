using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Api;

public static class PlansApi
{
    public static void MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Kulturplaner");

        api.MapGet("/plans", async (string? region, ListPlans list, CancellationToken ct) =>
            (await list.ExecuteAsync(region, ct)).Map(items => TypedResults.Ok(new { items }))).WithName("ListPlans");

        api.MapGet("/plans/{id:guid}", async (Guid id, GetPlan get, CancellationToken ct) =>
            (await get.ExecuteAsync(id, ct)).Map(TypedResults.Ok)).WithName("GetPlan");

        api.MapPost("/plans", async Task<IResult> (PlanBody body, CreatePlan create, GetPlan get, CancellationToken ct) =>
        {
            var created = await create.ExecuteAsync(new CreatePlanCommand(body.RegionCode ?? "", body.Title ?? "", body.StartYear, body.EndYear,
                body.Reference, body.AdoptedOn, body.Status, body.Summary), ct);
            if (!created.IsSuccess) return created.Error!.ToProblem();
            var plan = await get.ExecuteAsync(created.Value, ct);
            return TypedResults.Created($"/api/v1/plans/{created.Value}", plan.Value);
        }).WithName("CreatePlan");

        api.MapPut("/plans/{id:guid}", async Task<IResult> (Guid id, PlanBody body, HttpRequest request, UpdatePlan update, GetPlan get, CancellationToken ct) =>
        {
            var version = Versions.From(request, body.Version);
            if (version is null) return Versions.Missing();
            var updated = await update.ExecuteAsync(new UpdatePlanCommand(id, version.Value, body.Title ?? "", body.StartYear, body.EndYear,
                body.Reference, body.AdoptedOn, body.Status ?? "draft", body.Summary), ct);
            if (!updated.IsSuccess) return updated.Error!.ToProblem();
            return TypedResults.Ok((await get.ExecuteAsync(id, ct)).Value);
        }).WithName("UpdatePlan");

        api.MapPost("/plans/{id:guid}/development-areas", async (Guid id, AreaBody body, AddDevelopmentArea add, CancellationToken ct) =>
            (await add.ExecuteAsync(new AddDevelopmentAreaCommand(id, body.Title ?? "", body.Description), ct))
                .Map(areaId => TypedResults.Created($"/api/v1/plans/{id}", new { id = areaId }))).WithName("AddDevelopmentArea");

        api.MapPost("/plans/{id:guid}/goals", async (Guid id, GoalBody body, AddGoal add, CancellationToken ct) =>
            (await add.ExecuteAsync(new AddGoalCommand(id, body.Title ?? "", body.Description, body.ParentId, body.DevelopmentAreaId, body.Indicators), ct))
                .Map(goalId => TypedResults.Created($"/api/v1/goals/{goalId}", new { id = goalId }))).WithName("AddGoal");

        api.MapPut("/goals/{id:guid}", async (Guid id, GoalBody body, UpdateGoal update, CancellationToken ct) =>
            (await update.ExecuteAsync(new UpdateGoalCommand(id, body.Title ?? "", body.Description, body.ParentId, body.DevelopmentAreaId, body.Indicators), ct))
                .Map(_ => TypedResults.NoContent())).WithName("UpdateGoal");

        api.MapDelete("/goals/{id:guid}", async (Guid id, RemoveGoal remove, CancellationToken ct) =>
            (await remove.ExecuteAsync(id, ct)).Map(_ => TypedResults.NoContent())).WithName("RemoveGoal");

        api.MapGet("/municipalities/{code}/goals", async (string code, int? year, ListMunicipalGoals list, CancellationToken ct) =>
            (await list.ExecuteAsync(code, year, ct)).Map(items => TypedResults.Ok(new { items }))).WithName("ListMunicipalGoals");

        api.MapPost("/municipalities/{code}/goals", async (string code, MunicipalGoalBody body, AddMunicipalGoal add, CancellationToken ct) =>
            (await add.ExecuteAsync(new AddMunicipalGoalCommand(code, body.StartYear, body.EndYear, body.Number, body.Text ?? ""), ct))
                .Map(goalId => TypedResults.Created($"/api/v1/municipal-goals/{goalId}", new { id = goalId }))).WithName("AddMunicipalGoal");

        api.MapPut("/municipal-goals/{id:guid}", async (Guid id, MunicipalGoalBody body, UpdateMunicipalGoal update, CancellationToken ct) =>
            (await update.ExecuteAsync(new UpdateMunicipalGoalCommand(id, body.StartYear, body.EndYear, body.Number, body.Text ?? ""), ct))
                .Map(_ => TypedResults.NoContent())).WithName("UpdateMunicipalGoal");
    }

    public sealed record PlanBody(string? RegionCode, string? Title, int StartYear, int EndYear, string? Reference, DateOnly? AdoptedOn,
        string? Status, string? Summary, int? Version);

    public sealed record AreaBody(string? Title, string? Description);

    public sealed record GoalBody(string? Title, string? Description, Guid? ParentId, Guid? DevelopmentAreaId, IReadOnlyList<IndicatorInput>? Indicators);

    public sealed record MunicipalGoalBody(int StartYear, int EndYear, int Number, string? Text);
}

using Microsoft.Extensions.DependencyInjection;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Plans;

namespace Samverkan.BrowserTests.Support;

/// <summary>
/// Templates, drafts and plan goals for the agreement page tests, made through the use cases as the test's region
/// officer. Each test uses a plan period of its own (2071 onwards), so the tests never see each other's agreements.
/// </summary>
public static class AgreementData
{
    /// <summary>A template with two sections; the municipality's commitment serves <paramref name="goal"/> when given.</summary>
    public static async Task<Guid> CreateTemplateAsync(this TestData data, int fromYear, Guid? planId = null, Guid? goal = null) =>
        Ok(await data.AsRegionOfficerAsync(sp => sp.GetRequiredService<SaveAgreementTemplate>().ExecuteAsync(
            new SaveAgreementTemplateCommand(null, TestData.RegionCode, null, planId, new AgreementContent
            {
                Title = AgreementTemplates.DefaultTitle,
                Period = new Period(new DateOnly(fromYear, 1, 1), new DateOnly(fromYear + 3, 12, 31)),
                Sections =
                [
                    new Section { Heading = "Utgångspunkter", Items = [new Item { Text = "Överenskommelsen gäller {kommun} och {region} åren {från}–{till}." }] },
                    new Section
                    {
                        Heading = "Scenkonst",
                        Items =
                        [
                            new Item
                            {
                                Text = "Scenkonsten ska nå hela länet.",
                                Commitments =
                                [
                                    new Commitment { Parties = [TemplateParties.Region], Text = "Regionen ordnar turnéer till alla kommuner." },
                                    new Commitment
                                    {
                                        Parties = [TemplateParties.Municipality], Text = "{kommun} håller en scen öppen för turnéerna.",
                                        GoalIds = goal is { } g ? [g] : [],
                                    },
                                ],
                            },
                        ],
                    },
                ],
                Signatures = [new SignatureLine { Party = TemplateParties.Municipality, Role = "Kommunstyrelsens ordförande" }],
            }))))
        .Id;

    /// <summary>Drafts for every municipality; returns each draft's id by municipality code.</summary>
    public static async Task<Dictionary<string, Guid>> CreateDraftsAsync(this TestData data, Guid templateId, int year)
    {
        Ok(await data.AsRegionOfficerAsync(sp => sp.GetRequiredService<CreateDraftsFromTemplate>().ExecuteAsync(templateId)));
        var agreements = Ok(await data.AsRegionOfficerAsync(sp => sp.GetRequiredService<ListAgreements>().ExecuteAsync(TestData.RegionCode, year)));
        return agreements.Where(a => a.Status == AgreementStatuses.Draft)
            .ToDictionary(a => a.Parties.Single(p => p.Code != TestData.RegionCode).Code, a => a.Id);
    }

    public static async Task<Guid> CreateAdoptedPlanAsync(this TestData data, string title, int startYear, params string[] goals)
    {
        var planId = Ok(await data.AsRegionOfficerAsync(sp => sp.GetRequiredService<CreatePlan>().ExecuteAsync(
            new CreatePlanCommand(TestData.RegionCode, title, startYear, startYear + 3, Status: "adopted"))));
        foreach (var goal in goals)
            Ok(await data.AsRegionOfficerAsync(sp => sp.GetRequiredService<AddGoal>().ExecuteAsync(new AddGoalCommand(planId, goal))));
        return planId;
    }

    public static async Task<IReadOnlyList<GoalView>> GoalsAsync(this TestData data, Guid planId) =>
        Ok(await data.AsRegionOfficerAsync(sp => sp.GetRequiredService<GetPlan>().ExecuteAsync(planId))).Goals;

    /// <summary>Adds a section of the municipality's own, with one commitment serving <paramref name="goal"/>, as a new version of the draft.</summary>
    public static async Task AddLocalSectionAsync(this TestData data, Guid agreementId, string heading, string commitment, Guid goal)
    {
        var current = Ok(await data.AsRegionOfficerAsync(sp => sp.GetRequiredService<GetAgreement>().ExecuteAsync(agreementId, null)));
        var municipality = current.Parties.Single(p => p.Code != TestData.RegionCode).Code;
        var content = current with
        {
            Sections =
            [
                .. current.Sections,
                new Section
                {
                    Heading = heading,
                    Items = [new Item { Text = "Ett område som bara den här kommunen har.", Commitments = [new Commitment { Parties = [municipality], Text = commitment, GoalIds = [goal] }] }],
                },
            ],
        };
        Ok(await data.AsRegionOfficerAsync(sp => sp.GetRequiredService<SaveAgreement>().ExecuteAsync(
            new SaveAgreementCommand(agreementId, current.Version, content, current.Parties.Select(p => p.Code).ToList()))));
    }

    private static T Ok<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Test setup failed: {result.Error!.Code} {result.Error.Message}");
}

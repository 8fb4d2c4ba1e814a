using Samverkan.Plans;

namespace Samverkan.Web.Pages.Planer;

public sealed record GoalFormModel(PlanDetail Plan, GoalInput Input, Guid? GoalId);

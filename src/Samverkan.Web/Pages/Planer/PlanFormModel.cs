namespace Samverkan.Web.Pages.Planer;

public sealed record PlanFormModel(PlanInput Input, string CancelUrl);

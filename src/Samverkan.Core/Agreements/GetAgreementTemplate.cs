using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

/// <summary>One template with its placeholders, for the region's staff and the organizations of its county.</summary>
public sealed class GetAgreementTemplate(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<AgreementTemplateView>> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var template = await db.Set<AgreementTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null) return actor.IsAuthenticated ? AgreementTemplates.NotFound() : Error.Unauthenticated();
        var region = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == template.RegionId, ct);
        if (!AgreementTemplates.CanRead(actor, region)) return actor.IsAuthenticated ? AgreementTemplates.NotFound() : Error.Unauthenticated();
        return await AgreementTemplates.ViewAsync(db, template, region, ct);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Samverkan.Data;
using Samverkan.Documents.Render;

namespace Samverkan.Documents;

public static class DocumentServices
{
    /// <summary>Rendering and import of agreement documents, for the hosts that offer them (web and CLI).</summary>
    public static IServiceCollection AddSamverkanDocuments(this IServiceCollection services)
    {
        services.AddSingleton<RenderAgreementDocument>();
        services.AddSingleton<Import.ImportAgreementDocument>();
        services.AddScoped<Import.DatabaseOrganizationDirectory>();
        services.AddSingleton<Samverkan.FollowUp.IFollowUpSpreadsheet, FollowUp.FollowUpXlsx>();
        foreach (var type in typeof(DocumentServices).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t)))
            services.AddScoped(type);
        return services;
    }
}

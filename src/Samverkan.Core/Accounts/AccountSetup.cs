using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Data;

namespace Samverkan.Accounts;

public static class AccountSetup
{
    /// <summary>Identity's user store, shared by web and CLI; the web adds cookies and sign-in on top.</summary>
    public static IdentityBuilder AddSamverkanAccounts(this IServiceCollection services) =>
        services.AddIdentityCore<User>(Configure).AddEntityFrameworkStores<SamverkanDb>();

    public static void Configure(IdentityOptions o)
    {
        // Length over composition rules (NIST SP 800-63B); lockout slows guessing.
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = true;
    }
}

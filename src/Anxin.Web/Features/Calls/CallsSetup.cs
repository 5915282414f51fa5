using Anxin.Web.Infrastructure.Realtime;

namespace Anxin.Web.Features.Calls;

public static class CallsSetup
{
    /// <summary>
    /// The screen pop path (on PostgreSQL through <c>NOTIFY anxin_calls</c>, so a pop reaches the
    /// agent's connection on any node) and the sources of the caller's open items.
    /// </summary>
    public static IServiceCollection AddCalls(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<CallPopPusher>();
        services.AddSingleton<ILiveChannel>(sp => sp.GetRequiredService<CallPopPusher>());
        if (string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ICallPopPublisher, PostgresCallPopPublisher>();
        }
        else
        {
            services.AddSingleton<ICallPopPublisher, LocalCallPopPublisher>();
        }

        // Open items for the caller context: one source per module (cases, requests, complaints).
        services.AddScoped<ICallerOpenItemsSource, Cases.OpenCasesForCaller>();
        return services;
    }
}

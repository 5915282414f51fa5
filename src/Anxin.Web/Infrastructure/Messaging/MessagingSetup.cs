using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Anxin.Web.Infrastructure.Messaging;

public static class MessagingSetup
{
    /// <summary>Business numbers, idempotency, templates, gateways (logging by default) and the outbox dispatcher.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<OutboxOptions>(config.GetSection("Outbox"));
        services.AddScoped<IBusinessNumberGenerator, BusinessNumberGenerator>();
        services.AddSingleton<NumberBlocks>();
        services.AddScoped<MessageRenderer>();
        services.AddScoped<InAppGateway>();
        services.TryAddSingleton<ISmsGateway, LoggingSmsGateway>();
        services.TryAddSingleton<IEmailGateway, LoggingEmailGateway>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    /// <summary>Pipeline pieces: request-body buffering for idempotent endpoints.</summary>
    public static WebApplication MapMessaging(this WebApplication app)
    {
        app.UseIdempotencyBuffering();
        return app;
    }
}

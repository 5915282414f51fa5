namespace Anxin.Web.Infrastructure.Realtime;

public static class RealtimeSetup
{
    /// <summary>
    /// SignalR, the notifications hub and its publisher: on PostgreSQL through LISTEN/NOTIFY
    /// (so a push reaches the user's connections on every node), on SQLite straight to the local hub.
    /// </summary>
    public static IServiceCollection AddNotificationsPush(this IServiceCollection services, IConfiguration config)
    {
        services.AddSignalR().AddJsonProtocol(o =>
            o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton<ConnectedUsers>();
        services.AddSingleton<LocalNotificationPusher>();
        if (string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<INotificationPublisher, PostgresNotificationPublisher>();
            services.AddSingleton(sp => new PostgresNotificationListener(
                config.GetConnectionString("Postgres") ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not set."),
                sp.GetRequiredService<LocalNotificationPusher>(),
                sp.GetServices<ILiveChannel>(),
                sp.GetRequiredService<ILogger<PostgresNotificationListener>>()));
            services.AddHostedService(sp => sp.GetRequiredService<PostgresNotificationListener>());
        }
        else
        {
            services.AddSingleton<INotificationPublisher, LocalNotificationPublisher>();
        }

        return services;
    }

    public static WebApplication MapNotificationsPush(this WebApplication app)
    {
        app.MapHub<NotificationsHub>(NotificationsHub.Path);
        return app;
    }
}

namespace Anxin.Web.Features.Clocks;

public static class ClockSetup
{
    /// <summary>Business calendars, clock rules, the <see cref="ServiceClocks"/> service and the clock worker.</summary>
    public static IServiceCollection AddClocks(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ClockOptions>(config.GetSection("Clocks"));
        services.AddSingleton<ICalendarProvider, CalendarProvider>();
        services.AddScoped<ServiceClocks>();
        services.AddHostedService<CalendarSeeder>();
        services.AddSingleton<ClockWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ClockWorker>());
        return services;
    }
}

using Anxin.Domain.Dispatch;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Dispatch;

/// <summary>Dispatch settings (section "Dispatch").</summary>
public sealed class DispatchOptions
{
    /// <summary>Average travel speed for the ETA (urban driving, km/h).</summary>
    public double AverageSpeedKmh { get; set; } = DispatchPolicy.DefaultAverageSpeedKmh;

    /// <summary>A reported position older than this is ignored: the surveyor's base is used.</summary>
    public int PositionLiveMinutes { get; set; } = (int)DispatchPool.DefaultLiveFor.TotalMinutes;

    /// <summary>How many recommendations a case shows.</summary>
    public int Recommendations { get; set; } = 5;

    /// <summary>Largest accepted survey photo, bytes.</summary>
    public int MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Most photos on one assignment.</summary>
    public int MaxPhotosPerAssignment { get; set; } = 12;
}

public static class DispatchSetup
{
    public static IServiceCollection AddDispatch(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<DispatchOptions>(config.GetSection("Dispatch"));
        services.AddScoped<FieldReporter>();
        services.AddScoped<DispatchPlanner>();
        services.AddSingleton<DispatchPoolCache>();
        services.AddSingleton<DispatchPoolInvalidation>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<DispatchPoolInvalidation>());
        services.AddScoped<AssignedSurveyor>();
        services.AddScoped<Infrastructure.Demo.DispatchDemoData>();
        return services;
    }
}

/// <summary>
/// Which surveyors may serve a case: those of the branch (分公司) that owns it — the first two
/// levels of its organisation path — whatever the dispatcher's own scope. A case at head office
/// may go to anyone.
/// </summary>
public static class DispatchArea
{
    public static string PrefixFor(string orgPath)
    {
        var second = orgPath.IndexOf('/', orgPath.IndexOf('/', 1) + 1);
        return second < 0 ? orgPath : orgPath[..(second + 1)];
    }
}

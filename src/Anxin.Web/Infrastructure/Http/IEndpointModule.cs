using System.Reflection;

namespace Anxin.Web.Infrastructure.Http;

/// <summary>A feature's REST endpoints; found by reflection so features never edit a shared file.</summary>
public interface IEndpointModule
{
    void Map(IEndpointRouteBuilder api);
}

/// <summary>
/// Use-case handlers are classes named *Handler in Anxin.Web.Features; registered scoped. So are the
/// implementations of every <see cref="ExtensionPointAttribute"/> interface, as that interface.
/// </summary>
public static class FeatureDiscovery
{
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        foreach (var type in FeatureTypes().Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal)))
        {
            services.AddScoped(type);
        }

        foreach (var type in FeatureTypes())
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.GetCustomAttribute<ExtensionPointAttribute>() is not null))
            {
                services.AddScoped(contract, type);
            }
        }

        return services;
    }

    public static RouteGroupBuilder MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery();
        foreach (var type in FeatureTypes().Where(t => typeof(IEndpointModule).IsAssignableFrom(t)))
        {
            ((IEndpointModule)Activator.CreateInstance(type)!).Map(api);
        }

        return api;
    }

    private static IEnumerable<Type> FeatureTypes() => typeof(FeatureDiscovery).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsNested
            && t.Namespace?.StartsWith("Anxin.Web.Features", StringComparison.Ordinal) == true
            && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null);
}

namespace Anxin.Web.Features.Claims;

/// <summary>The random draw of review sampling (CLM-10): uniform in [0, 1). A test replaces it to decide the draw.</summary>
public interface IReviewDraw
{
    double Next();
}

public sealed class RandomReviewDraw : IReviewDraw
{
    public double Next() => Random.Shared.NextDouble();
}

public static class ClaimsSetup
{
    public static IServiceCollection AddClaims(this IServiceCollection services)
    {
        services.AddSingleton<IReviewDraw, RandomReviewDraw>();
        return services;
    }
}

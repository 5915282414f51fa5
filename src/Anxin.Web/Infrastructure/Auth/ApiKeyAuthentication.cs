using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Anxin.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anxin.Web.Infrastructure.Auth;

public static class ApiKeys
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KeyPrefix = "ak_";
    public const string CacheKey = "apikey:";

    /// <summary>How long a node may go on accepting a key another node revoked.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    /// <summary>A new random key: "ak_" + 40 URL-safe characters (240 bits).</summary>
    public static string Generate() => KeyPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(30));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string DisplayPrefix(string key) => key[..Math.Min(10, key.Length)];

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Authenticates integrations by the X-Api-Key header; the key's scope and permissions become claims.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AnxinDbContext db,
    Data.ShortCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var raw = values.ToString().Trim();
        if (raw.Length > 200)
        {
            return AuthenticateResult.Fail("Invalid API key");
        }

        // Integrations call in bursts: a found key is remembered for a few seconds on this node. Revoking
        // on this node forgets it at once; another node stops honouring it within ApiKeys.CacheLifetime.
        var hash = ApiKeys.Hash(raw);
        var key = await cache.GetAsync(ApiKeys.CacheKey + hash, c => db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new CachedKey(k.Id, k.Name, k.OrgNodeId, k.OrgPath, k.Permissions, k.InsurerId))
            .SingleOrDefaultAsync(c), Context.RequestAborted, ApiKeys.CacheLifetime, cacheNull: false);
        if (key is null)
        {
            return AuthenticateResult.Fail("Invalid API key");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new(ClaimTypes.Name, "api-key:" + key.Name),
            new(AnxinClaims.ApiKeyId, key.Id.ToString()),
            new(AnxinClaims.OrgNodeId, key.OrgNodeId.ToString()),
            new(AnxinClaims.ScopePrefix, AnxinClaims.ScopeFor(key.OrgPath)),
            new(AnxinClaims.Loaded, "1"),
        };
        claims.AddRange(key.Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => new Claim(AnxinClaims.Permission, p)));
        if (key.InsurerId is { } insurer)
        {
            claims.Add(new Claim(AnxinClaims.InsurerId, insurer.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeys.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeys.Scheme));
    }

    private sealed record CachedKey(Guid Id, string Name, Guid OrgNodeId, string OrgPath, string Permissions, Guid? InsurerId);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}

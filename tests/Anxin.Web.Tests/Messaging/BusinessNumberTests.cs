using System.Text.RegularExpressions;
using Anxin.Web.Infrastructure.Messaging;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Anxin.Web.Tests.Messaging;

public sealed class BusinessNumberTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Eight_parallel_writers_get_8000_unique_numbers_without_gaps(Db db)
    {
        var app = apps.For(db);
        const int writers = 8;
        const int each = 1000;

        var batches = await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var generator = scope.ServiceProvider.GetRequiredService<IBusinessNumberGenerator>();
            var numbers = new List<string>(each);
            for (var i = 0; i < each; i++)
            {
                numbers.Add(await generator.NextAsync("TU", CancellationToken.None));
            }

            return numbers;
        })));

        var all = batches.SelectMany(b => b).ToList();
        Assert.Equal(writers * each, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, n => Assert.Matches(new Regex(@"^TU20\d{6}\d{6}$"), n));
        Assert.Equal(writers * each, all.Max(n => int.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture)));
    }
}

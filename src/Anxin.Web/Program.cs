using Anxin.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddAnxin();
var app = builder.Build();

if (args.Contains("migrate"))
{
    await Anxin.Web.Infrastructure.Data.DatabaseSetup.MigrateAsync(app.Services);
    if (app.Configuration.GetValue<bool>("Demo:Seed"))
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Anxin.Web.Infrastructure.Demo.DemoDataSeeder>().SeedAsync();
    }

    Console.WriteLine("Migrations applied.");
    return;
}

await app.UseAnxinAsync();
await app.RunAsync();

public partial class Program;

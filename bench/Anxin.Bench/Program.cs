using Anxin.Bench;

// Anxin benchmarks (BENCHMARKS.md). Run in Release from the repository:
//   dotnet run -c Release --project bench/Anxin.Bench -- <command> [--db sqlite|postgres] [--conn ...] [options]
var command = args.FirstOrDefault()?.ToLowerInvariant();
var options = new Options(args.Skip(1));
return command switch
{
    "generate" => await Generate.RunAsync(options),
    "intake" => await IntakeBench.RunAsync(options),
    "queries" => await QueriesBench.RunAsync(options),
    "dispatch" => await DispatchBench.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("""
        usage: dotnet run -c Release --project bench/Anxin.Bench -- <command> [options]

          generate  --cases 1m|10m [--db sqlite|postgres] [--conn ...] [--surveyors 10000] [--policies N] [--days 730]
          intake    [--db sqlite|postgres] [--clients 32] [--seconds 20] [--no-idempotency] [--no-bare] [--app path/Anxin.Web.dll]
          queries   --cases 10m [--db sqlite|postgres] [--iterations 200] [--status Closed] [--month 2026-10]
          dispatch  [--db sqlite|postgres] [--surveyors 10000] [--iterations 2000] [--warmup 200] [--warmup-seconds 5] [--keep]

        PostgreSQL: --conn "Host=...;Database=..." or ANXIN_BENCH_POSTGRES (a server connection; the database is named by the command).
        SQLite files go to artifacts/bench/.
        """);
    return 1;
}

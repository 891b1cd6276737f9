using GridBot.Bench;

// dotnet run -c Release --project bench/GridBot.Bench -- all | intake | schedules [--seconds N]
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(8);
var results = new List<BenchResult>();
if (scenario is "all" or "intake")
{
    results.AddRange(await IntakeScenario.RunAsync(TimeSpan.FromSeconds(seconds), CancellationToken.None));
}

if (scenario is "all" or "schedules")
{
    results.AddRange(await SchedulesScenario.RunAsync(CancellationToken.None));
}

if (scenario is not ("all" or "intake" or "schedules"))
{
    Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: all, intake, schedules.");
    return 2;
}

BenchReport.Print(results);
await BenchReport.WriteJsonAsync(results, Path.Combine(BenchReport.ResultsFolder(), "latest.json"), CancellationToken.None);
return 0;

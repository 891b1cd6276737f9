using GridBot.Bench;

// dotnet run -c Release --project bench/GridBot.Bench -- all | intake | wecom [--seconds N]
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(8);
var results = new List<BenchResult>();
if (scenario is not ("all" or "intake" or "wecom"))
{
    Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: all, intake, wecom.");
    return 2;
}

if (scenario is "all" or "intake")
{
    results.AddRange(await IntakeScenario.RunAsync(TimeSpan.FromSeconds(seconds), CancellationToken.None));
}

if (scenario is "all" or "wecom")
{
    results.AddRange(await WeComAiBotScenario.RunAsync(TimeSpan.FromSeconds(seconds), CancellationToken.None));
    results.AddRange(await WeComWebhookScenario.RunAsync(CancellationToken.None));
}

BenchReport.Print(results);
await BenchReport.WriteJsonAsync(results, Path.Combine(BenchReport.ResultsFolder(), "latest.json"), CancellationToken.None);
return 0;

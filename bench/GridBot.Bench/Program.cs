using GridBot.Bench;

// dotnet run -c Release --project bench/GridBot.Bench -- all | classify | intake | schedules | wecom | fanout | kf | console | announce [--seconds N]
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(8);
var results = new List<BenchResult>();
if (scenario is not ("all" or "classify" or "intake" or "schedules" or "wecom" or "fanout" or "kf" or "console" or "announce"))
{
    Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: all, classify, intake, schedules, wecom, fanout, kf, console, announce.");
    return 2;
}

if (scenario is "all" or "classify")
{
    results.AddRange(ClassificationScenario.Run(TimeSpan.FromSeconds(Math.Min(seconds, 5))));
}

if (scenario is "all" or "intake")
{
    results.AddRange(await IntakeScenario.RunAsync(TimeSpan.FromSeconds(seconds), CancellationToken.None));
}

if (scenario is "all" or "schedules")
{
    results.AddRange(await SchedulesScenario.RunAsync(CancellationToken.None));
}

if (scenario is "all" or "wecom")
{
    results.AddRange(await WeComAiBotScenario.RunAsync(TimeSpan.FromSeconds(seconds), CancellationToken.None));
    results.AddRange(await WeComWebhookScenario.RunAsync(CancellationToken.None));
}

if (scenario is "all" or "fanout")
{
    results.AddRange(await FanOutScenario.RunAsync(CancellationToken.None));
}

if (scenario is "all" or "kf")
{
    results.AddRange(await KfScenario.RunAsync(CancellationToken.None));
}

if (scenario is "all" or "console")
{
    results.AddRange(await ConsoleScenario.RunAsync(CancellationToken.None));
}

if (scenario is "all" or "announce")
{
    results.AddRange(await AnnounceScenario.RunAsync(CancellationToken.None));
}

BenchReport.Print(results);
await BenchReport.WriteJsonAsync(results, Path.Combine(BenchReport.ResultsFolder(), "latest.json"), CancellationToken.None);
if (scenario == "all")
{
    await BenchmarksMarkdown.WriteAsync(results, Path.Combine(BenchReport.ResultsFolder(), "..", "..", "docs", "BENCHMARKS.md"), CancellationToken.None);
}

return 0;

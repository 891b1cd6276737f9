using GridBot.Bench;

// dotnet run -c Release --project bench/GridBot.Bench -- all | classify | intake | peer | schedules | wecom | fanout | kf | console | announce [--seconds N] [--quick]
// dotnet run -c Release --project bench/GridBot.Bench -- soak [--minutes 10] [--rate 20]
string[] scenarios = ["all", "classify", "intake", "peer", "schedules", "wecom", "fanout", "kf", "console", "announce", "soak"];
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
int Option(string name, int otherwise) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(otherwise);
if (!scenarios.Contains(scenario))
{
    Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: {string.Join(", ", scenarios)}.");
    return 2;
}

var results = BenchReport.ResultsFolder();
if (scenario == "soak")
{
    var minutes = Option("--minutes", 10);
    var rate = Option("--rate", 20);
    var soakMachine = BenchMachine.Describe();
    var windows = await SoakScenario.RunAsync(TimeSpan.FromMinutes(minutes), rate, CancellationToken.None);
    soakMachine = soakMachine.Finished();
    SoakReport.Print(windows, rate);
    Console.WriteLine($"machine: {soakMachine}");
    await SoakReport.WriteJsonAsync(windows, rate, TimeSpan.FromMinutes(minutes), soakMachine, Path.Combine(results, "soak.json"), CancellationToken.None);
    return 0;
}

var settings = args.Contains("--quick") ? BenchSettings.Smoke() : BenchSettings.Full(Option("--seconds", 8));
var machine = BenchMachine.Describe();
var rows = new List<BenchResult>();
foreach (var (name, run) in new (string, Func<Task<IReadOnlyList<BenchResult>>>)[]
{
    ("classify", () => Task.FromResult(ClassificationScenario.Run(settings.LoadStep < TimeSpan.FromSeconds(5) ? settings.LoadStep : TimeSpan.FromSeconds(5)))),
    ("intake", () => IntakeScenario.RunAsync(settings.LoadStep, CancellationToken.None)),
    ("peer", () => PeerScenario.RunAsync(settings.LoadStep, CancellationToken.None)),
    ("schedules", () => SchedulesScenario.RunAsync(settings, CancellationToken.None)),
    ("wecom", () => WeComAiBotScenario.RunAsync(settings.LoadStep, CancellationToken.None)),
    ("wecom", () => WeComWebhookScenario.RunAsync(settings, CancellationToken.None)),
    ("fanout", () => FanOutScenario.RunAsync(CancellationToken.None)),
    ("kf", () => KfScenario.RunAsync(settings, CancellationToken.None)),
    ("console", () => ConsoleScenario.RunAsync(settings, CancellationToken.None)),
    ("announce", () => AnnounceScenario.RunAsync(settings, CancellationToken.None)),
})
{
    if (scenario == "all" || scenario == name)
    {
        var started = DateTime.UtcNow;
        rows.AddRange(await run());
        Console.WriteLine($"{name}: done in {(DateTime.UtcNow - started).TotalSeconds:0} s");
    }
}

machine = machine.Finished();
BenchReport.Print(rows);
Console.WriteLine($"machine: {machine}");
// A quick run only proves every scenario completes: its shrunken figures never replace the ones the docs quote.
await BenchReport.WriteJsonAsync(rows, machine, Path.Combine(results, settings.Quick ? "latest-quick.json" : "latest.json"), CancellationToken.None);
if (scenario == "all" && !settings.Quick)
{
    await BenchmarksMarkdown.WriteAsync(rows, machine, Path.Combine(results, "..", "..", "docs", "BENCHMARKS.md"), CancellationToken.None);
}

return 0;

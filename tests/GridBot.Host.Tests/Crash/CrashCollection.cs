namespace GridBot.Host.Tests.Crash;

/// <summary>
/// The crash test runs alone: a host process taking 5,000 callbacks as fast as two cores allow should not share them
/// with the rest of the suite, and nothing else should share its SQLite file or its fake WeCom server.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashCollection
{
    public const string Name = "crash";
}

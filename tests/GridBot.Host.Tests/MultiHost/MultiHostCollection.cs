namespace GridBot.Host.Tests.MultiHost;

/// <summary>
/// The multi-host tests run alone, after the parallel ones: two host processes sending 500 messages each time compete
/// for the same two cores, and their timings (leases, robot windows) should not depend on what else runs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiHostCollection
{
    public const string Name = "multi-host";
}

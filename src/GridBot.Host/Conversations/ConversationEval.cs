using System.Diagnostics;

namespace GridBot.Host.Conversations;

/// <summary>Replays a corpus folder against a freshly started host and scores it.</summary>
internal static class ConversationEval
{
    /// <param name="settings">Configuration passed on to the host (--Key=value).</param>
    /// <exception cref="SceneCorpusException">The folder is not a playable corpus.</exception>
    public static async Task<Scoreboard> RunAsync(string folder, IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        var corpus = SceneCorpus.Load(folder);
        var watch = Stopwatch.StartNew();
        await using var host = await SceneHost.StartAsync(corpus, settings, cancellationToken);
        var runner = new SceneRunner(host);
        var results = new SceneResult[corpus.Scenes.Count];
        var indexes = Enumerable.Range(0, corpus.Scenes.Count).ToList();

        // Scenes share nothing but the clock: those that never move it run side by side, those that wait run one
        // after another afterwards, so a pause in one scene is never a jump in the middle of another.
        var still = indexes.Where(i => corpus.Scenes[i].Scene.Turns.All(t => t.Wait is null)).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(still, options, async (i, ct) => results[i] = await PlayAsync(runner, corpus, host, i, ct));
        foreach (var i in indexes.Except(still))
        {
            results[i] = await PlayAsync(runner, corpus, host, i, cancellationToken);
        }

        return new Scoreboard(results, watch.Elapsed);
    }

    private static Task<SceneResult> PlayAsync(SceneRunner runner, SceneCorpus corpus, SceneHost host, int index, CancellationToken cancellationToken)
    {
        var (file, scene) = corpus.Scenes[index];
        return runner.PlayAsync(file, scene, host.Stages[index], cancellationToken);
    }
}

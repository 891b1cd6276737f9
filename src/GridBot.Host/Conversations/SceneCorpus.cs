using System.Text.Json;

namespace GridBot.Host.Conversations;

/// <summary>The scenes of every *.json file in a folder, checked for what the runner cannot play (a clear error, not a crash mid-run).</summary>
internal sealed class SceneCorpus
{
    private SceneCorpus(IReadOnlyList<(string File, Scene Scene)> scenes) => Scenes = scenes;

    public IReadOnlyList<(string File, Scene Scene)> Scenes { get; }

    /// <exception cref="SceneCorpusException">A file that is not a corpus file, or a scene that cannot be played.</exception>
    public static SceneCorpus Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new SceneCorpusException($"没有这个文件夹：{folder}");
        }

        var scenes = new List<(string, Scene)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            SceneFile? file;
            try
            {
                file = JsonSerializer.Deserialize(File.ReadAllText(path), SceneJson.Default.SceneFile);
            }
            catch (JsonException ex)
            {
                throw new SceneCorpusException($"{name}: {ex.Message}");
            }

            foreach (var scene in file?.Scenes ?? [])
            {
                Check(name, scene);
                scene.Expect.NeverContains = [.. scene.Expect.NeverContains.Union(file!.NeverContains)];
                if (!ids.Add(scene.Id))
                {
                    throw new SceneCorpusException($"{name}: scene id '{scene.Id}' is used twice.");
                }

                scenes.Add((name, scene));
            }
        }

        return scenes.Count == 0 ? throw new SceneCorpusException($"{folder} holds no scene.") : new SceneCorpus(scenes);
    }

    private static void Check(string file, Scene scene)
    {
        string Where() => $"{file}: scene '{scene.Id}'";
        if (string.IsNullOrWhiteSpace(scene.Id) || string.IsNullOrWhiteSpace(scene.Behaviour))
        {
            throw new SceneCorpusException($"{file}: every scene needs an id and a behaviour.");
        }

        if (scene.Turns.Count == 0)
        {
            throw new SceneCorpusException($"{Where()} has no turns.");
        }

        if (scene.Residents.Distinct(StringComparer.Ordinal).Count() != scene.Residents.Count)
        {
            throw new SceneCorpusException($"{Where()} names a resident twice.");
        }

        foreach (var turn in scene.Turns)
        {
            var isWait = turn.Wait is not null;
            var isMessage = turn.From is not null && (turn.Text is not null || turn.Image);
            if (isWait == isMessage || (isWait && turn.Expect is not null))
            {
                throw new SceneCorpusException($"{Where()}: a turn is either a message (from + text or image) or a wait.");
            }

            if (turn.Wait is { } wait && (wait <= TimeSpan.Zero || wait > TimeSpan.FromDays(7)))
            {
                throw new SceneCorpusException($"{Where()}: a wait is between a moment and 7 days.");
            }
        }
    }
}

internal sealed class SceneCorpusException(string message) : Exception(message);

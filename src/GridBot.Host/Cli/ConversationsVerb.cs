using GridBot.Host.Conversations;

namespace GridBot.Host.Cli;

/// <summary>
/// conversations eval DIR [--json]: replays the scripted scenes of DIR against a real host on 127.0.0.1 (fresh
/// SQLite file, the demo grids) and prints the scoreboard per behaviour; exit code 0 only when every scene passes.
/// </summary>
internal static class ConversationsVerb
{
    public const string Usage = "  dotnet run --project src/GridBot.Host -- conversations eval DIR [--json]   回放对话语料，按行为打分（全部通过时退出码为 0）";

    public static async Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var list = args.ToList();
        var json = list.Remove("--json");
        if (list.Count == 0 || list[0].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("用法：conversations eval <语料文件夹> [--json]，如 conversations eval tests/conversations");
            return 1;
        }

        Scoreboard board;
        try
        {
            board = await ConversationEval.RunAsync(Path.GetFullPath(list[0]), list.Skip(1), cancellationToken);
        }
        catch (SceneCorpusException ex)
        {
            await Console.Error.WriteLineAsync("语料有误 / corpus error: " + ex.Message);
            return 1;
        }

        Console.Write(json ? board.ToJson() + Environment.NewLine : board.ToText());
        return board.AllPassed ? 0 : 1;
    }
}

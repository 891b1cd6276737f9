using System.CommandLine;
using GridBot.Host.Conversations;

namespace GridBot.Host.Cli;

/// <summary>
/// conversations eval DIR [--json]: replays the scripted scenes of DIR against a real host on 127.0.0.1 (fresh
/// SQLite file, the demo grids) and prints the scoreboard per behaviour; exit code 0 only when every scene passes.
/// </summary>
internal static class ConversationsVerb
{
    public static Command Create(string[] settings)
    {
        var folder = new Argument<DirectoryInfo>("语料文件夹") { Description = "对话语料（场景文件），如 tests/conversations" };
        var json = CliOptions.Json();
        var eval = new Command("eval", "回放对话语料，按行为打分（全部通过时退出码为 0）") { folder, json };
        eval.SetAction(async (parsed, cancellationToken) =>
        {
            Scoreboard board;
            try
            {
                board = await ConversationEval.RunAsync(parsed.GetRequiredValue(folder).FullName, settings, cancellationToken);
            }
            catch (SceneCorpusException ex)
            {
                return CliOutput.Error("语料有误 / corpus error: " + ex.Message);
            }

            Console.Write(parsed.GetValue(json) ? board.ToJson() + Environment.NewLine : board.ToText());
            return board.AllPassed ? CliExit.Done : CliExit.Failed;
        });
        return new Command("conversations", "对话语料") { eval };
    }
}

using GridBot.Host.Conversations;
using Xunit.Abstractions;

namespace GridBot.Host.Tests.Conversations;

/// <summary>
/// Replays tests/conversations against a real host (the same runner as `conversations eval`) and fails under the
/// stated pass rate. The scenes' expectations were written from issue #14 and CONVERSATIONS.md before the bot could
/// meet them: the rate is raised as the behaviour branches land, the scenes are never weakened.
/// </summary>
public sealed class ConversationCorpusTests(ITestOutputHelper output)
{
    /// <summary>
    /// Under the rate of the last scoreboard in docs/UNDERSTANDING.md (174/175): losing two of today's passing scenes is
    /// tolerated (172/175 = 0.983, room for branches merged beside this one), losing three fails.
    /// </summary>
    public const double MinimumPassRate = 0.98;

    [Fact]
    public async Task CorpusPassesAtLeastTheStatedRate()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var board = await ConversationEval.RunAsync(CorpusFolder(), [], timeout.Token);

        output.WriteLine(board.ToText());
        Assert.True(board.Total >= 150, $"the corpus has {board.Total} scenes");
        Assert.True(board.PassRate >= MinimumPassRate,
            $"{board.Passed}/{board.Total} scenes passed ({board.PassRate:P1}), under the stated {MinimumPassRate:P0}:\n{board.ToText()}");
    }

    [Fact]
    public async Task AFailedSceneSaysWhatWasExpectedAndWhatCameAndAMissingApiFieldIsAFailureNotACrash()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "two.json"), """
                { "scenes": [
                  { "id": "good", "behaviour": "report with everything", "residents": ["张阿姨"],
                    "turns": [ { "from": "张阿姨", "text": "3号楼2单元楼道灯坏了", "expect": { "contains": ["{ticket1}"] } } ],
                    "expect": { "tickets": [ { "category": "民生服务", "placeContains": ["3号楼"] } ] } },
                  { "id": "bad", "behaviour": "report with everything", "residents": ["老李"],
                    "turns": [ { "from": "老李", "text": "5号楼电梯坏了", "expect": { "reply": false } } ],
                    "expect": { "tickets": [ { "category": "环境卫生", "appealType": "no-such-type", "placeContains": ["5号楼"] } ] } }
                ] }
                """);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

            var board = await ConversationEval.RunAsync(folder, [], timeout.Token);

            Assert.Equal(1, board.Passed);
            var bad = Assert.Single(board.Results, r => !r.Passed);
            Assert.Equal("bad", bad.Id);
            Assert.Contains(bad.Failures, f => f.StartsWith("turn 1 (老李: 5号楼电梯坏了): expected no reply, got \"", StringComparison.Ordinal));
            Assert.Contains(bad.Failures, f => f.Contains("expected category 环境卫生, got 民生服务", StringComparison.Ordinal));
            Assert.Contains(bad.Failures, f => f.Contains("expected appealType no-such-type", StringComparison.Ordinal));
            Assert.Contains("| report with everything | 1 | 2 |", board.ToText(), StringComparison.Ordinal);
            Assert.False(board.AllPassed);
            using var json = System.Text.Json.JsonDocument.Parse(board.ToJson());
            Assert.Equal(1, json.RootElement.GetProperty("passed").GetInt32());
            Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
            Assert.Equal("bad", json.RootElement.GetProperty("scenes").EnumerateArray().Single(x => !x.GetProperty("passed").GetBoolean()).GetProperty("id").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string CorpusFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "conversations");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/conversations not found above " + AppContext.BaseDirectory);
    }
}

using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Time;

namespace GridBot.Dialogs.Announcements;

/// <summary>政策 &lt;关键词&gt; (or /policy): anyone finds past announcements of their grid by title and body.</summary>
public sealed class PolicyCommand(PolicySearch search, ShanghaiTime clock) : ICommand
{
    private const int Shown = 5;

    public CommandDefinition Definition { get; } = new("政策", ["政策", "policy"], CommandAudience.Everyone,
        "政策 <关键词>", "查找本网格发过的政策公告，如“政策 医保”");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var query = invocation.Arguments.Trim();
        if (query.Length == 0)
        {
            context.Reply("请在“政策”后面加上关键词，如：政策 医保、政策 低保、政策 养老补贴。");
            return;
        }

        var hits = await search.FindAsync(query, context.Identity.Grid, Shown, cancellationToken);
        if (hits.Count == 0)
        {
            context.Reply($"没有找到与“{query}”相关的公告。可以换个关键词试试，如“医保”“低保”“补贴”；也可以直接在群里提问。");
            return;
        }

        var lines = new List<string> { $"找到 {hits.Count} 条与“{query}”相关的公告：" };
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            lines.Add($"{i + 1}. 【公告 {hit.Number}】{hit.Title}（{clock.ToLocal(hit.PublishedUtc):yyyy年M月d日}）");
            lines.Add("   " + hit.Excerpt);
        }

        context.Reply(string.Join("\n", lines));
    }
}

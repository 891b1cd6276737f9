using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;

namespace GridBot.Dialogs.Appeals;

/// <summary>问答 &lt;关键词&gt; (or /faq): anyone searches the knowledge base of their grid, as 政策 searches announcements.</summary>
public sealed class FaqCommand(KnowledgeSearch search) : ICommand
{
    private const int Shown = 3;
    private const double ShownScore = 0.3;

    public CommandDefinition Definition { get; } = new("问答", ["问答", "知识库", "faq"], CommandAudience.Everyone,
        "问答 <关键词>", "查社区知识库里的常见问题，如“问答 医保”");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var query = invocation.Arguments.Trim();
        if (query.Length == 0)
        {
            context.Reply("请在“问答”后面加上关键词，如：问答 医保、问答 居住证、问答 垃圾分类。");
            return;
        }

        var hits = (await search.FindAsync(query, context.Identity.Grid, Shown, cancellationToken)).Where(h => h.Score >= ShownScore).ToList();
        if (hits.Count == 0)
        {
            context.Reply($"知识库里没有找到与“{query}”相关的问答。可以换个关键词，或发送“咨询 您的问题”请网格员答复。");
            return;
        }

        var lines = new List<string> { $"找到 {hits.Count} 条与“{query}”相关的问答：" };
        for (var i = 0; i < hits.Count; i++)
        {
            lines.Add($"{i + 1}. 问：{hits[i].Question}");
            lines.Add($"   答：{hits[i].Answer}");
        }

        context.Reply(string.Join("\n", lines));
    }
}

using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Tickets;

namespace GridBot.Dialogs.Appeals;

/// <summary>
/// 咨询 &lt;问题&gt; (or /ask): a resident asks a person on purpose — after the bot's own answer did not help, or
/// straight away. It is always logged as a 咨询 item for a worker to answer (答复), whatever the wording.
/// </summary>
public sealed class AskCommand(AppealDesk desk, TaxonomyProvider taxonomy) : ICommand
{
    public CommandDefinition Definition { get; } = new("咨询", ["咨询", "ask"], CommandAudience.Everyone,
        "咨询 <问题>", "把问题转给网格员答复，如“咨询 居住证怎么办理”");

    public Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var question = invocation.Arguments.Trim();
        if (question.Length == 0)
        {
            context.Reply(AppealTexts.NothingToAsk);
            return Task.CompletedTask;
        }

        desk.Log(context, question, taxonomy.Current.FallbackCategory, Store.Tickets.AppealType.Consultation);
        return Task.CompletedTask;
    }
}

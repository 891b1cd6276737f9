using GridBot.Dialogs.Core;
using GridBot.Dialogs.Identity;

namespace GridBot.Dialogs.Pipeline;

/// <summary>Resolves the grid and the speaker's role; an unbound group or a stranger in private gets a polite answer and no ticket.</summary>
public sealed class IdentityMiddleware(IdentityResolver resolver) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        var resolution = await resolver.ResolveAsync(context.Activity, cancellationToken);
        switch (resolution)
        {
            case IdentityResolution.Resolved resolved:
                context.Identity = resolved.Identity;
                await next(cancellationToken);
                break;
            case IdentityResolution.UnboundGroup when context.Activity.Type == ActivityTypes.Message:
                context.Reply(PipelineTexts.UnboundGroup);
                break;
            case IdentityResolution.UnknownUser when context.Activity.Type == ActivityTypes.Message:
                context.Reply(PipelineTexts.UnknownPrivateUser);
                break;
        }
    }
}

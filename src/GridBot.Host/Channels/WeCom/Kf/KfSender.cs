using GridBot.Dialogs.Texts;
using GridBot.Host.Outbox;
using GridBot.Store;
using GridBot.Store.Kf;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// Sends outbox rows of channel wecom-kf with kf/send_msg under WeCom's rules, checked here before the call instead of
/// learnt from errors: only while the bot holds the session, within 48 h of the resident's last message, and at most 5
/// replies per resident message (the budget is taken with a conditional update, so hosts sending in parallel never
/// exceed it). A row that cannot go becomes a 回访 task (<see cref="KfFollowUp"/>), never a silent drop.
/// </summary>
internal sealed class KfSender(IServiceScopeFactory scopes, KfApiClient api, TimeProvider time) : IChannelSender
{
    public string Channel => KfChannel.Name;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var separator = message.ConversationId.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0)
        {
            return new SendOutcome.Permanent("a kf conversation id is open_kfid:external_userid");
        }

        string openKfid = message.ConversationId[..separator], externalUserId = message.ConversationId[(separator + 1)..];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var session = await db.KfSessions.AsNoTracking().FirstOrDefaultAsync(s => s.OpenKfId == openKfid && s.ExternalUserId == externalUserId, cancellationToken);
        if (session is null)
        {
            return new SendOutcome.Permanent("no kf session for this conversation");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (session.Unreachable(now) is { } why)
        {
            return new SendOutcome.HandedOver(await KfFollowUp.HandOverAsync(db, session, message, why, now, cancellationToken));
        }

        if (!await db.KfSessions.TakeReplyAsync(session, now, cancellationToken))
        {
            // Someone else took the last reply, a new message reset the budget, or a person took over: look again later.
            return new SendOutcome.Transient("kf session changed while sending");
        }

        var answer = await api.SendAsync(new KfSendRequest
        {
            Touser = externalUserId,
            OpenKfid = openKfid,

            // Unique within the account: a resend of this row after a crash is refused instead of arriving twice.
            Msgid = "gb_" + message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Text = new KfMessage.KfText { Content = Utf8Text.Truncate(message.Text, KfSendRequest.MaxTextBytes) },
        }, cancellationToken);
        return answer.Errcode switch
        {
            0 => SendOutcome.Sent,
            var code when WeComHttp.IsTransientErrcode(code) => new SendOutcome.Transient($"errcode {code}"),

            // GridBot's own accounting missed something (a servicer typed from the client, a clock skew): same hand-over.
            var code when KfErrcodes.MeansCannotReach(code) => new SendOutcome.HandedOver(
                await KfFollowUp.HandOverAsync(db, session, message, code == KfErrcodes.ReplyBudgetSpent ? KfUnreachable.BudgetSpent : KfUnreachable.WindowClosed, now, cancellationToken)),
            var code => new SendOutcome.Permanent($"errcode {code}"),
        };
    }
}

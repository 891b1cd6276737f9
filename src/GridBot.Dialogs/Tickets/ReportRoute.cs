using System.Text.RegularExpressions;
using GridBot.Dialogs.Appeals;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Any message that is not a command: a report becomes a ticket (one per problem, or a question first), chit-chat is
/// left alone in a group and gets a friendly line when it was said to the bot, a lone photo joins the sender's
/// ticket of the last half hour. A message to the bot that is none of these gets its open question again (once),
/// or the router's "没太明白" (RouterMiddleware).
/// </summary>
public sealed partial class ReportRoute(
    ITicketUnderstander understander,
    KeywordTicketUnderstander rules,
    ReportSplitter splitter,
    IntakeFlow flow,
    TicketIntake intake,
    AppealDesk appeals,
    GridBotDbContext db,
    ShanghaiTime clock,
    IOptions<TicketOptions> options) : IRouteHandler
{
    private static readonly TimeSpan PhotoWindow = TimeSpan.FromMinutes(30);

    /// <summary>How long after a neighbour's report a placeless message of its kind is read as talk about it.</summary>
    private static readonly TimeSpan NeighbourTalkWindow = TimeSpan.FromMinutes(15);

    public async Task<bool> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var identity = context.Identity;
        var addressed = MessageText.IsAddressed(context.Activity);
        var text = MessageText.Of(context.Activity);
        var photos = MessageText.PhotoUrls(context.Activity);
        if (text.Length == 0)
        {
            if (photos.Count > 0)
            {
                await AttachToRecentTicketAsync(context, photos, addressed, cancellationToken);
            }
            else if (addressed)
            {
                AskAgainOnce(context);
            }

            return true;
        }

        // A phone number says nothing about the problem ("我电话138…，6栋楼顶漏水" is understood as without it).
        var readable = PersonalDataMask.Remove(text);
        var understanding = understander.Understand(readable, identity.Grid.Code);
        var settings = options.Value;
        if (!understanding.AppealType.CarriesSla())
        {
            // A question, a suggestion or praise: answered or logged as its kind, never offered as a complaint.
            await appeals.HandleAsync(context, text, understanding, cancellationToken);
            return true;
        }

        var signals = rules.Analyze(readable);
        if (!IsReport(understanding, signals, readable, addressed, settings))
        {
            if (photos.Count > 0)
            {
                // "你们看看 就是这个灯" under a photo says nothing new: the photo is for their report, as if sent alone.
                await AttachToRecentTicketAsync(context, photos, addressed, cancellationToken);
            }
            else if (addressed && signals.Courtesy)
            {
                context.Reply(readable.Contains('谢') ? TicketTexts.Thanks : TicketTexts.Friendly);
            }
            else if (addressed)
            {
                AskAgainOnce(context);
            }

            return true;
        }

        var drafts = new List<TicketDraft>();
        foreach (var draft in Drafts(text, understanding, photos, identity.Grid.Code))
        {
            // An emergency said again is never asked where, never confirmed and never filed twice.
            if (!await intake.PressOpenEmergencyAsync(context, draft, cancellationToken))
            {
                drafts.Add(draft);
            }
        }

        if (drafts.Count == 0)
        {
            return true;
        }

        if (!addressed && photos.Count == 0 && drafts is [{ Place: null, Urgency: TicketUrgency.Normal } only]
            && SpeaksToPeople().IsMatch(readable) && await FollowsNeighboursReportAsync(context, only, cancellationToken))
        {
            return true;
        }

        if (drafts.Count == 1 && understanding.Urgency != TicketUrgency.Urgent && understanding.Confidence < settings.ConfirmBelow)
        {
            flow.AskToConfirm(context, drafts[0]);
        }
        else
        {
            // An emergency is never held up by a question: it is filed even without a place.
            await flow.ContinueAsync(context, drafts, placeFromAnswer: false, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Without any evidence the rules can see (no category word, no problem word, no urgency) the model's guess alone
    /// never speaks up in a group: "是啊菜真贵" among neighbours is talk, not a report. Said to the bot, a confident
    /// guess is still filed; a doubt without evidence ("嗯嗯我想想") is not worth a "需要登记为工单吗？"; and a bare
    /// place ("在5栋") is no report by itself.
    /// </summary>
    private static bool IsReport(TicketUnderstanding understanding, RuleSignals signals, string readable, bool addressed, TicketOptions settings)
    {
        if (!understanding.LooksLikeReport || understanding.Confidence < settings.IgnoreBelow)
        {
            return false;
        }

        if (signals.KeywordCategory is not null || signals.Problem || signals.Urgent)
        {
            return true;
        }

        return addressed && understanding.Confidence >= settings.ConfirmBelow && PlaceAnswer.Read(readable, isReport: false) is null;
    }

    /// <summary>One draft per problem; a part that names no place takes the building or road its sibling names.</summary>
    private List<TicketDraft> Drafts(string text, TicketUnderstanding whole, IReadOnlyList<string> photos, string gridCode)
    {
        var parts = splitter.Split(text);
        if (parts.Count == 1)
        {
            return [new TicketDraft(text, whole.Category, whole.Urgency, whole.Place, photos) { AppealType = whole.AppealType }];
        }

        var understood = parts.Select(p => (Text: p, Understanding: understander.Understand(PersonalDataMask.Remove(p), gridCode))).ToList();
        var anchor = understood.Select(u => ReportSplitter.Anchor(u.Understanding.Place)).FirstOrDefault(a => a is not null);
        return understood.Select((u, i) => new TicketDraft(
                u.Text,
                u.Understanding.Category,
                u.Understanding.Urgency,
                u.Understanding.Place ?? (anchor is null ? null : anchor + ReportSplitter.Spot(u.Text)),
                i == 0 ? photos : []) { AppealType = whole.AppealType })
            .ToList();
    }

    /// <summary>
    /// A group message of the same kind as a neighbour's report of the last minutes, naming no place of its own and
    /// spoken to people (<see cref="SpeaksToPeople"/>), is talk about that report: the other side of a quarrel ("你才吵
    /// 别在群里乱说"), a peacemaker ("都少说两句吧"), a leader calming them down ("两位都别吵了"). Asking each of them
    /// "在哪个楼栋？" would turn one report into a round of questions to people who reported nothing. A message that only
    /// describes a problem ("楼道灯又不亮了😂") is still a report and is asked where: a second resident's own problem of the
    /// same kind must never be taken for talk and dropped.
    /// </summary>
    private Task<bool> FollowsNeighboursReportAsync(TurnContext context, TicketDraft draft, CancellationToken cancellationToken)
    {
        var identity = context.Identity;
        var conversationId = context.Activity.Conversation?.Id ?? "";
        var since = clock.NowUtc - NeighbourTalkWindow;
        return db.Tickets.AnyAsync(
            t => t.Channel == identity.Channel && t.ConversationId == conversationId && t.CreatedUtc >= since && t.Category == draft.Category
                && !t.Reporters.Any(r => r.Channel == identity.Channel && r.UserId == identity.UserId),
            cancellationToken);
    }

    /// <summary>
    /// Words said to another person rather than about a problem: "你" (not the greeting 你好, not 你们, which residents
    /// also say to the property or the bot), "两位", and the calming 少说 / 别吵 / 都别 / 消消气.
    /// </summary>
    [GeneratedRegex("你(?![好们])|两位|少说|别吵|都别|消消气")]
    private static partial Regex SpeaksToPeople();

    /// <summary>Said to the bot and nothing else to answer: the person's open question once more, if there is one.</summary>
    private static void AskAgainOnce(TurnContext context)
    {
        if (context.Dialogs.Active is IntakeFrame { Step: IntakeStep.AwaitingPlace, AskedAgain: false } frame)
        {
            context.Dialogs.ReplaceActive(frame with { AskedAgain = true });
            context.Reply(TicketTexts.AskPlaceAgain(frame.Draft.Description));
        }
    }

    private async Task AttachToRecentTicketAsync(TurnContext context, IReadOnlyList<string> photos, bool addressed, CancellationToken cancellationToken)
    {
        var identity = context.Identity;
        var conversationId = context.Activity.Conversation?.Id ?? "";
        var since = clock.NowUtc - PhotoWindow;
        var ticket = await db.Tickets
            // The speaker's own report of the last half hour, also when it joined an older ticket of a neighbour's:
            // several residents sending photos at once each reach their own ticket.
            .Where(t => t.Channel == identity.Channel && t.ConversationId == conversationId
                && t.Reporters.Any(r => r.Channel == identity.Channel && r.UserId == identity.UserId && r.AddedUtc >= since))
            .OrderByDescending(t => t.Reporters.Where(r => r.Channel == identity.Channel && r.UserId == identity.UserId).Max(r => r.AddedUtc))
            .FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            if (addressed)
            {
                context.Reply(TicketTexts.PhotoNeedsWords);
            }

            return;
        }

        var actor = new TicketActor(identity.UserId, identity.Name);
        foreach (var url in photos)
        {
            ticket.AddAttachment(new TicketAttachment { Url = url, ContentType = "image", AddedUtc = clock.NowUtc }, actor, clock.NowUtc);
        }

        context.Reply(TicketTexts.PhotoAdded(ticket.Number));
    }
}

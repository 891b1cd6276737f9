using GridBot.Dialogs.Announcements;
using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Announcements;
using GridBot.Store.Outbox;
using GridBot.Store.Turns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Endpoints;

/// <summary>
/// Staff API for announcements (bearer token): publish or preview (dryRun: the reach, nothing written), list, per-chat
/// status with attempts, errors and per-grid 回执 rates, each customer group's mass-send state, and withdraw. Problems are answered in Chinese and English.
/// </summary>
public static class AnnouncementEndpoints
{
    /// <summary>A body of 20,000 characters is at most 60 KB of UTF-8; anything much larger is refused before parsing.</summary>
    private const long MaxRequestBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapAnnouncementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/announcements").AddEndpointFilter<BearerTokenFilter>();
        group.MapPost("/", CreateAsync).WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes));
        group.MapGet("/", ListAsync);
        group.MapGet("/{number:int}", GetAsync);
        group.MapPost("/{number:int}/withdraw", WithdrawAsync);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http,
        GridBotDbContext db,
        AnnouncementRequest request,
        AnnouncementReachFinder reachFinder,
        AnnouncementPublisher publisher,
        ChinaWorkingCalendar calendar,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var title = request.Title?.Trim() ?? "";
        var body = request.Body?.Trim() ?? "";
        if (title.Length == 0 || body.Length == 0)
        {
            return Problem("Missing title or body", "标题和正文都不能为空。/ Title and body are required.", StatusCodes.Status400BadRequest);
        }

        if (title.Length > Announcement.MaxTitleLength || title.Contains('\n', StringComparison.Ordinal))
        {
            return Problem("Title too long", $"标题须为一行，最多 {Announcement.MaxTitleLength} 字。/ The title must be one line of at most {Announcement.MaxTitleLength} characters.", StatusCodes.Status400BadRequest);
        }

        if (body.Length > Announcement.MaxBodyLength)
        {
            return Problem("Body too large", $"正文最多 {Announcement.MaxBodyLength} 字（现 {body.Length} 字），长文请放链接。/ The body is limited to {Announcement.MaxBodyLength} characters.", StatusCodes.Status413PayloadTooLarge);
        }

        var codes = request.Targets?.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (codes.Count == 0)
        {
            return Problem("Missing targets", "请给出目标网格编码（每个编码含其全部下级网格）。/ Give target grid codes.", StatusCodes.Status400BadRequest);
        }

        DateTime? scheduleAtUtc = null;
        if (!string.IsNullOrWhiteSpace(request.ScheduleAt))
        {
            if (!TimeInput.TryParseUtc(request.ScheduleAt, calendar.TimeZone, out var parsed))
            {
                return Problem("Bad scheduleAt", TimeInput.Refusal("scheduleAt", request.ScheduleAt) + " / Use ISO 8601 with an offset, or Beijing time without one.", StatusCodes.Status400BadRequest);
            }

            scheduleAtUtc = parsed > time.GetUtcNow().UtcDateTime ? parsed : null;
        }

        var reach = await reachFinder.FindAsync(codes, cancellationToken);
        if (reach.UnknownCodes.Count > 0)
        {
            return Problem("Unknown targets", $"没有这些网格编码：{string.Join("、", reach.UnknownCodes)}。/ Unknown grid codes: {string.Join(", ", reach.UnknownCodes)}.", StatusCodes.Status400BadRequest);
        }

        // A token scoped to a grid ("token@GRIDCODE") publishes only within that subtree.
        var scope = await GridScope.ResolveAsync(db, BearerTokenFilter.ScopeOf(http), cancellationToken);
        var inScope = scope is null ? null : db.Grids.InScope(scope);
        var outside = inScope is null ? codes : await db.Grids.AsNoTracking().Where(g => codes.Contains(g.Code) && !inScope.Any(x => x.Id == g.Id))
            .Select(g => g.Code).ToListAsync(cancellationToken);
        if (outside.Count > 0)
        {
            return Problem("Outside the token's scope", $"这些网格不在令牌的管辖范围内：{string.Join("、", outside)}。/ Outside the token's scope: {string.Join(", ", outside)}.", StatusCodes.Status403Forbidden);
        }

        var name = string.IsNullOrWhiteSpace(request.Publisher) ? "管理接口" : request.Publisher.Trim();
        var draft = new AnnouncementDraft(title, body, codes, request.RequireAck, scheduleAtUtc, "api", name.Length > 64 ? name[..64] : name);
        if (request.DryRun)
        {
            return TypedResults.Ok(new AnnouncementPreview(reach.Chats.Count, reach.GridCount, publisher.CountParts(draft), reach.CustomerGroupCount));
        }

        var announcement = await publisher.PublishAsync(draft, reach, cancellationToken);
        return TypedResults.Created($"/api/announcements/{announcement.Number}", new AnnouncementCreated(
            announcement.Number, announcement.Status.ToString(), reach.Chats.Count, reach.GridCount,
            publisher.CountParts(draft), reach.CustomerGroupCount, announcement.ScheduledUtc, announcement.PublishedUtc));
    }

    private static async Task<IResult> ListAsync(HttpContext http, GridBotDbContext db, int? limit, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? 50, 1, 500);
        if (await GridScope.ResolveAsync(db, BearerTokenFilter.ScopeOf(http), cancellationToken) is not { } scope)
        {
            return TypedResults.Ok(Array.Empty<AnnouncementSummary>());
        }

        // The whole scope also lists the announcements that reached no chat (customer groups only, not yet published).
        var visible = scope.IsEverything ? db.Announcements.AsNoTracking() : db.Announcements.AsNoTracking().DeliveredInto(scope);
        var rows = await visible
            .OrderByDescending(a => a.Id).Take(take)
            .Select(a => new
            {
                a.Number, a.Title, a.RequireAck, a.CreatedUtc, a.ScheduledUtc, a.PublishedUtc, a.WithdrawnUtc,
                Targets = a.Targets.Select(t => t.Grid!.Code).ToList(),
                Chats = a.Deliveries.Count,
                Acknowledged = db.AnnouncementAcks.Count(k => k.AnnouncementId == a.Id),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(a => new AnnouncementSummary(a.Number, a.Title, StatusOf(a.PublishedUtc, a.WithdrawnUtc), a.Targets,
            a.RequireAck, a.CreatedUtc, a.ScheduledUtc, a.PublishedUtc, a.WithdrawnUtc, a.Chats, a.Acknowledged)).ToList());
    }

    private static async Task<IResult> GetAsync(
        HttpContext http, int number, GridBotDbContext db, AnnouncementReceipts receipts, CustomerGroupDeliveries customerGroups, CancellationToken cancellationToken)
    {
        var announcement = await db.Announcements.AsNoTracking().Include(a => a.Targets).ThenInclude(t => t.Grid)
            .FirstOrDefaultAsync(a => a.Number == number, cancellationToken);
        var scope = await GridScope.ResolveAsync(db, BearerTokenFilter.ScopeOf(http), cancellationToken);
        IReadOnlyList<CustomerGroupDelivery> groups = announcement is null || scope is null ? [] : await customerGroups.ForAsync(announcement.Id, scope, cancellationToken);
        if (announcement is null || (groups.Count == 0 && !await InScopeAsync(http, db, announcement.Id, cancellationToken)))
        {
            return Problem("Not found", $"没有编号为 {number} 的公告。/ No announcement {number}.", StatusCodes.Status404NotFound);
        }

        var parts = await db.AnnouncementDeliveryParts.AsNoTracking()
            .Where(p => db.AnnouncementDeliveries.Any(d => d.Id == p.DeliveryId && d.AnnouncementId == announcement.Id))
            .Select(p => new { p.DeliveryId, p.Part, p.OutboxMessage!.Status, p.OutboxMessage.Attempts, p.OutboxMessage.LastError, p.OutboxMessage.SentUtc })
            .ToListAsync(cancellationToken);
        var deliveries = await db.AnnouncementDeliveries.AsNoTracking().Where(d => d.AnnouncementId == announcement.Id).OrderBy(d => d.Id)
            .Select(d => new { d.Id, ChatName = d.Chat!.Name, d.Chat.Channel, Grid = d.Chat.Grid!.Code })
            .ToListAsync(cancellationToken);
        var byDelivery = parts.ToLookup(p => p.DeliveryId);
        var chats = deliveries.Select(d =>
        {
            var mine = byDelivery[d.Id].OrderBy(p => p.Part).ToList();
            var status = mine.Any(p => p.Status == OutboxStatus.Failed) ? "Failed" : mine.All(p => p.Status == OutboxStatus.Sent) ? "Sent" : "Pending";
            return new AnnouncementChatStatus(d.ChatName, d.Channel, d.Grid, status, mine.Count, mine.Sum(p => p.Attempts),
                mine.Select(p => p.LastError).LastOrDefault(e => e is not null), mine.Max(p => p.SentUtc));
        }).ToList();
        var rates = await receipts.RatesAsync(announcement.Id, cancellationToken);
        var acknowledged = await db.AnnouncementAcks.CountAsync(a => a.AnnouncementId == announcement.Id, cancellationToken);
        var totals = new AnnouncementDeliveryTotals(chats.Count, chats.Count(c => c.Status == "Sent"), chats.Count(c => c.Status == "Pending"),
            chats.Count(c => c.Status == "Failed"), parts.Sum(p => p.Attempts));
        return TypedResults.Ok(new AnnouncementDetail(announcement.Number, announcement.Title, announcement.Body, announcement.Status.ToString(),
            announcement.Targets.Select(t => t.Grid!.Code).ToList(), announcement.PublisherName, announcement.RequireAck,
            announcement.CreatedUtc, announcement.ScheduledUtc, announcement.PublishedUtc, announcement.WithdrawnUtc,
            totals, acknowledged,
            rates.Select(r => new AnnouncementGridRate(r.Code, r.Name, r.Known, r.Acknowledged, r.Rate)).ToList(), chats,
            groups.Select(g => new AnnouncementCustomerGroupStatus(g.ChatId, g.Name, g.Grid, g.Owner, g.Stage.ToString(), g.Reason, g.SentUtc)).ToList()));
    }

    private static async Task<IResult> WithdrawAsync(
        HttpContext http, int number, WithdrawRequest? request, GridBotDbContext db, AnnouncementWithdrawal withdrawal, TurnTransaction unitOfWork, CancellationToken cancellationToken)
    {
        var announcement = await db.Announcements.Include(a => a.Targets).ThenInclude(t => t.Grid)
            .FirstOrDefaultAsync(a => a.Number == number, cancellationToken);
        if (announcement is null || !await InScopeAsync(http, db, announcement.Id, cancellationToken))
        {
            return Problem("Not found", $"没有编号为 {number} 的公告。/ No announcement {number}.", StatusCodes.Status404NotFound);
        }

        // Reaching a grid lets its token read an announcement, not take it back from every other grid: as 撤回 in chat,
        // withdrawing needs a scope that holds every target.
        var scope = await GridScope.ResolveAsync(db, BearerTokenFilter.ScopeOf(http), cancellationToken);
        var outside = announcement.Targets.Where(t => scope is null || !scope.Contains(t.Grid!.Path)).Select(t => t.Grid!.Code).ToList();
        if (outside.Count > 0)
        {
            return Problem("Outside the token's scope", $"这条公告还发往令牌管辖范围以外的网格：{string.Join("、", outside)}，需由管辖全部目标网格的令牌撤回。/ Targets outside the token's scope: {string.Join(", ", outside)}.", StatusCodes.Status403Forbidden);
        }

        if (announcement.WithdrawnUtc is not null)
        {
            return Problem("Already withdrawn", $"公告 {number} 已撤回。/ Announcement {number} is already withdrawn.", StatusCodes.Status409Conflict);
        }

        // The withdrawal writes inside a unit of work's write transaction (it locks the row before it reads the parts).
        await withdrawal.WithdrawAsync(announcement, string.IsNullOrWhiteSpace(request?.By) ? "管理接口" : request.By.Trim(), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return TypedResults.Ok(new { number, status = announcement.Status.ToString(), withdrawnAt = announcement.WithdrawnUtc });
    }

    /// <summary>An announcement outside a scoped token's subtree is answered like an unknown one.</summary>
    private static async Task<bool> InScopeAsync(HttpContext http, GridBotDbContext db, long announcementId, CancellationToken cancellationToken)
    {
        var scope = await GridScope.ResolveAsync(db, BearerTokenFilter.ScopeOf(http), cancellationToken);
        return scope is { IsEverything: true }
            || (scope is not null && await db.AnnouncementDeliveries.InScope(scope).AnyAsync(d => d.AnnouncementId == announcementId, cancellationToken));
    }

    private static string StatusOf(DateTime? publishedUtc, DateTime? withdrawnUtc) =>
        (withdrawnUtc is not null ? AnnouncementStatus.Withdrawn : publishedUtc is not null ? AnnouncementStatus.Published : AnnouncementStatus.Scheduled).ToString();

    private static IResult Problem(string title, string detail, int status) => Results.Problem(title: title, detail: detail, statusCode: status);
}

using GridBot.Host.Channels.WeCom.Kf;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Endpoints;

/// <summary>
/// <c>GET /kf/qr/{gridCode}.png</c>: a grid's 微信客服 QR code, for leaders to save and pin in their residents' group.
/// Public on purpose: the code is meant to be shared with residents, and it only opens a chat with the bot.
/// </summary>
public static class KfEndpoints
{
    public static IEndpointRouteBuilder MapKfEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/kf/qr/{gridCode}.png", GetQrCodeAsync);
        return endpoints;
    }

    private static async Task<IResult> GetQrCodeAsync(string gridCode, GridBotDbContext db, IOptions<KfOptions> options, CancellationToken cancellationToken)
    {
        var openKfid = options.Value.OpenKfId;
        var url = await db.KfContactLinks.AsNoTracking()
            .Where(l => l.OpenKfId == openKfid && db.Grids.Any(g => g.Id == l.GridId && g.Code == gridCode))
            .Select(l => l.Url)
            .FirstOrDefaultAsync(cancellationToken);
        return url is null ? Results.NotFound() : Results.File(KfQrCode.Png(url), "image/png");
    }
}

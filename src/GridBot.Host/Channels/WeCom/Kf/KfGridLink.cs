using GridBot.Store.Grids;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>A grid and its contact link, or the reason it has none.</summary>
internal sealed record KfGridLink(Grid Grid, string? Url, string? Problem);

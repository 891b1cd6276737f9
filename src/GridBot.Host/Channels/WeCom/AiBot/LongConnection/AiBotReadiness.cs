using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>What /readyz says about the long connection: this host's state, since when, and who holds the connection.</summary>
internal static class AiBotReadiness
{
    /// <returns>Null unless the AI bot runs on the long connection.</returns>
    public static object? Describe(IServiceProvider services)
    {
        if (!services.GetRequiredService<IOptions<WeComOptions>>().Value.AiBot.IsLongConnection)
        {
            return null;
        }

        var status = services.GetRequiredService<AiBotConnectionStatus>();
        return new
        {
            mode = "LongConnection",
            state = status.State.ToString(),
            since = status.Since,
            host = status.Holder,
            holder = status.LeaseHolder,
            holdsConnection = status.Socket is not null,
        };
    }
}

using GridBot.Host.Channels.WeCom;
using GridBot.Host.Channels.WeCom.AiBot.LongConnection;

namespace GridBot.Host.Cli;

/// <summary>wecom doctor [--force]: the AI bot's long-connection credentials checked against WeCom (subscribe and leave).</summary>
internal static class WeComDoctorVerb
{
    public static async Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var list = args.ToList();
        var force = list.Remove("--force");
        using var host = await CliHost.StartAsync([.. list], cancellationToken, builder => builder.AddWeCom());
        var code = await AiBotDoctor.RunAsync(host.Services, force, Console.Out, cancellationToken);
        await host.StopAsync(cancellationToken);
        return code;
    }
}

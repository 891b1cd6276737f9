using GridBot.Host.Channels.WeCom;
using GridBot.Host.Channels.WeCom.CustomerGroups;

namespace GridBot.Host.Cli;

/// <summary>wecom sync-groups: customer groups (客户群) of GridBot's WeCom staff, bound to grids, with head counts.</summary>
internal static class WeComVerb
{
    public static async Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var parsed = CliArguments.Parse(args);
        using var host = await CliHost.StartAsync(parsed.Settings, cancellationToken, builder => builder.AddWeCom());
        CustomerGroupSyncReport report;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<CustomerGroupSync>().SyncAsync(cancellationToken);
        }

        await host.StopAsync(cancellationToken);
        Console.WriteLine($"客户群：新增 {report.Created}，更新 {report.Updated}，已绑定网格 {report.Bound}，未绑定 {report.Unbound.Count}");
        foreach (var group in report.Unbound)
        {
            Console.WriteLine("未绑定：" + group);
        }

        foreach (var problem in report.Problems)
        {
            await Console.Error.WriteLineAsync("失败：" + problem);
        }

        return report.Problems.Count == 0 ? 0 : 1;
    }
}

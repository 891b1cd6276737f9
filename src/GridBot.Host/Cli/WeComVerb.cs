using System.CommandLine;
using GridBot.Host.Channels.WeCom;
using GridBot.Host.Channels.WeCom.AiBot.LongConnection;
using GridBot.Host.Channels.WeCom.CustomerGroups;

namespace GridBot.Host.Cli;

/// <summary>
/// wecom sync-groups: customer groups (客户群) of GridBot's WeCom staff, bound to grids, with head counts;
/// wecom doctor [--force] [--json]: the AI bot's long-connection credentials checked against WeCom (subscribe and leave).
/// </summary>
internal static class WeComVerb
{
    public static Command Create(string[] settings) => new("wecom", "企业微信") { SyncGroups(settings), Doctor(settings) };

    private static Command SyncGroups(string[] settings)
    {
        var json = CliOptions.Json();
        var command = new Command("sync-groups", "同步客户群（群主、网格、人数），重复运行只更新") { json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(settings, cancellationToken, builder => builder.AddWeCom());
            CustomerGroupSyncReport report;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                report = await scope.ServiceProvider.GetRequiredService<CustomerGroupSync>().SyncAsync(cancellationToken);
            }

            await host.StopAsync(cancellationToken);
            if (parsed.GetValue(json))
            {
                CliOutput.Json(new CustomerGroupSyncResult(report.Created, report.Updated, report.Bound, report.Unbound, report.Problems));
                return report.Problems.Count == 0 ? CliExit.Done : CliExit.Failed;
            }

            Console.WriteLine($"客户群：新增 {report.Created}，更新 {report.Updated}，已绑定网格 {report.Bound}，未绑定 {report.Unbound.Count}");
            foreach (var group in report.Unbound)
            {
                Console.WriteLine("未绑定：" + group);
            }

            foreach (var problem in report.Problems)
            {
                await Console.Error.WriteLineAsync("失败：" + problem);
            }

            return report.Problems.Count == 0 ? CliExit.Done : CliExit.Failed;
        });
        return command;
    }

    private static Command Doctor(string[] settings)
    {
        var force = new Option<bool>("--force") { Description = "即使机器人正在运行也检查（会短暂挤掉它的连接）" };
        var json = CliOptions.Json();
        var command = new Command("doctor", "检查智能机器人长连接（连接、订阅、心跳后退出）") { force, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(settings, cancellationToken, builder => builder.AddWeCom());
            // With --json the doctor's findings (one sentence each, in order) become the result's list.
            using var findings = new StringWriter();
            var code = await AiBotDoctor.RunAsync(host.Services, parsed.GetValue(force), parsed.GetValue(json) ? findings : Console.Out, cancellationToken);
            await host.StopAsync(cancellationToken);
            if (parsed.GetValue(json))
            {
                CliOutput.Json(new AiBotDoctorResult(code == CliExit.Done,
                    findings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            }

            return code;
        });
        return command;
    }
}

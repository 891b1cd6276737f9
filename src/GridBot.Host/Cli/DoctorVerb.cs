using System.CommandLine;
using Spectre.Console;
using GridBot.Host.Doctor;

namespace GridBot.Host.Cli;

/// <summary>doctor [--Key:Sub=value …]: the deployment's checks as a table of ✓/✗ with the fix for each; exit 0 only when none fails.</summary>
internal static class DoctorVerb
{
    public static Command Create(string[] settings)
    {
        var json = CliOptions.Json();
        var command = new Command("doctor", "检查部署：配置、数据库、Redis、节假日、企业微信、令牌、分类模型、网格") { json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var asJson = parsed.GetValue(json);
            var checks = await CliProgress.SpinnerAsync("正在检查部署…", _ => DeploymentDoctor.ExamineAsync(settings, cancellationToken));
            var failed = checks.Count(c => c.Outcome == DoctorOutcome.Failed);
            if (asJson)
            {
                CliOutput.Json<IReadOnlyList<DoctorRow>>([.. checks.Select(c => new DoctorRow(c.Name, c.Outcome.ToString(), c.Detail, c.Fix))]);
                return failed == 0 ? CliExit.Done : CliExit.Failed;
            }

            var table = CliOutput.Table("", "检查", "结果", "怎么办");
            foreach (var check in checks)
            {
                table.Row(check.Outcome switch { DoctorOutcome.Passed => "✓", DoctorOutcome.Failed => "✗", _ => "–" }, check.Name, check.Detail, check.Fix);
            }

            var console = CliOutput.Out();
            console.Write(table);
            console.WriteLine(failed == 0 ? "全部通过。" : $"{failed} 项未通过：按“怎么办”一栏处理后再运行 doctor。");
            return failed == 0 ? CliExit.Done : CliExit.Failed;
        });
        return command;
    }
}

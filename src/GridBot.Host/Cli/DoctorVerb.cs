using System.Text;
using GridBot.Host.Doctor;

namespace GridBot.Host.Cli;

/// <summary>doctor [--Key=value …]: the deployment's checks as a table of ✓/✗ with the fix for each; exit 0 only when none fails.</summary>
internal static class DoctorVerb
{
    public const string Usage = "  dotnet run --project src/GridBot.Host -- doctor   检查部署：配置、数据库、Redis、节假日、企业微信、令牌、分类模型、网格";

    public static async Task<int> RunAsync(IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        Console.WriteLine("正在检查部署 / checking the deployment …");
        var checks = await DeploymentDoctor.ExamineAsync([.. settings], cancellationToken);
        Console.WriteLine(Table(checks));
        var failed = checks.Count(c => c.Outcome == DoctorOutcome.Failed);
        Console.WriteLine(failed == 0 ? "全部通过 / all checks passed." : $"{failed} 项未通过 / {failed} check(s) failed：按“怎么办”一栏处理后再运行 doctor。");
        return failed == 0 ? 0 : 1;
    }

    internal static string Table(IReadOnlyList<DoctorCheck> checks)
    {
        var text = new StringBuilder();
        foreach (var check in checks)
        {
            var mark = check.Outcome switch { DoctorOutcome.Passed => "✓", DoctorOutcome.Failed => "✗", _ => "–" };
            text.Append(mark).Append(' ').Append(check.Name.PadRight(24)).Append(check.Detail).Append('\n');
            if (check.Fix.Length > 0)
            {
                text.Append("    怎么办：").Append(check.Fix).Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }
}

using System.CommandLine;
using Spectre.Console;
using GridBot.Host.Import;

namespace GridBot.Host.Cli;

/// <summary>import FILE [FILE...]: the bot's own database and configuration, without the web server.</summary>
internal static class ImportVerb
{
    public static Command Create(string[] settings)
    {
        var files = new Argument<string[]>("文件") { Description = "网格、群、人员或知识库文件（JSON / CSV / XLSX），可多个", Arity = ArgumentArity.OneOrMore };
        var json = CliOptions.Json();
        var command = new Command("import", "导入网格、群、人员、知识库；有任何错误则什么也不写") { files, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var paths = parsed.GetRequiredValue(files);
            using var host = await CliHost.StartAsync(settings, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var importer = ActivatorUtilities.CreateInstance<GridDataImporter>(scope.ServiceProvider);
            var report = await CliProgress.SpinnerAsync($"正在导入 {paths.Length} 个文件…", _ => importer.ImportAsync(paths, cancellationToken));
            await host.StopAsync(cancellationToken);
            if (parsed.GetValue(json))
            {
                CliOutput.Json(report);
            }
            else
            {
                Print(report);
            }

            return report.Succeeded ? CliExit.Done : CliExit.Failed;
        });
        return command;
    }

    private static void Print(ImportReport report)
    {
        var console = CliOutput.Out();
        if (!report.Succeeded)
        {
            console.WriteLine($"导入失败，未写入任何数据。共 {report.Errors.Count} 处错误：");
            var errors = CliOutput.Table("文件", "行", "错误");
            foreach (var error in report.Errors)
            {
                errors.Row(error.File, error.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
            }

            console.Write(errors);
            return;
        }

        var table = CliOutput.Table("类别", "新增", "更新", "未变");
        foreach (var (name, counts) in new[] { ("网格", report.Grids), ("群", report.Chats), ("成员", report.Members), ("知识库", report.Knowledge) })
        {
            table.Row(name, $"{counts.Created}", $"{counts.Updated}", $"{counts.Unchanged}");
        }

        console.WriteLine("导入成功。");
        console.Write(table);
    }
}

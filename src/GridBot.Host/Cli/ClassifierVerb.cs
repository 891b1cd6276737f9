using GridBot.Dialogs.Tickets.Classification;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Cli;

/// <summary>
/// classifier train --csv FILE [--text-column text] [--label-column label] --out MODEL
/// classifier eval  --csv FILE --model MODEL [--text-column text] [--label-column label] [--json]
/// classifier retrain --out MODEL [--csv BASE]   the shipped (or given) data plus every ticket a leader re-categorised
/// Any label set works: the model learns whatever labels the file has.
/// </summary>
internal static class ClassifierVerb
{
    public const string Usage = """
          dotnet run --project src/GridBot.Host -- classifier train --csv FILE [--text-column text] [--label-column label] --out MODEL
          dotnet run --project src/GridBot.Host -- classifier eval --csv FILE --model MODEL [--json]
          dotnet run --project src/GridBot.Host -- classifier retrain --out MODEL [--csv BASE]   加上组长“重新分类”更正过的工单再训练
        """;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var json = args.Contains("--json");
        var arguments = CliArguments.Parse(args.Skip(2).Where(a => a != "--json"), "csv", "text-column", "label-column", "out", "model");
        var textColumn = arguments["text-column"] ?? "text";
        var labelColumn = arguments["label-column"] ?? "label";
        try
        {
            switch (args.ElementAtOrDefault(1))
            {
                case "train":
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    var model = new TextClassifierTrainer().TrainFromCsv(arguments.Require("csv"), textColumn, labelColumn, cancellationToken);
                    var output = arguments.Require("out");
                    model.Save(output);
                    Console.WriteLine($"已训练：{model.Labels.Count} 个类别（{string.Join("、", model.Labels)}），用时 {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} 秒，模型已保存到 {output}");
                    Console.WriteLine($"在 appsettings.json 或命令行设置 Classifier:ModelPath={Path.GetFullPath(output)} 让机器人使用它。");
                    return 0;
                case "eval":
                    var rows = new CsvLabelledReader(textColumn, labelColumn).Read(arguments.Require("csv")).ThrowIfInvalid().Rows;
                    var evaluation = ClassifierEvaluation.Evaluate(MlTextClassifier.Load(arguments.Require("model")), rows);
                    Console.WriteLine(json ? evaluation.ToJson() : evaluation.ToTable());
                    return 0;
                case "retrain":
                    return await RetrainAsync(arguments, textColumn, labelColumn, cancellationToken);
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or CsvFormatException or IOException or InvalidDataException)
        {
            Console.Error.WriteLine("错误：" + ex.Message);
            return 1;
        }
    }

    private static async Task<int> RetrainAsync(CliArguments arguments, string textColumn, string labelColumn, CancellationToken cancellationToken)
    {
        var basePath = arguments["csv"] ?? ClassifierOptions.Resolve(new ClassifierOptions().TrainingDataPath);
        var rows = new CsvLabelledReader(textColumn, labelColumn).Read(basePath).ThrowIfInvalid().Rows.ToList();
        // The same --Key=value settings as the bot (e.g. --ConnectionStrings:GridBot=...) pick the database.
        using var host = await CliHost.StartAsync(arguments.Settings, cancellationToken);
        List<LabelledText> corrections;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
            corrections = await db.Tickets.AsNoTracking()
                .Where(t => t.Events.Any(e => e.Action == TicketAction.Recategorize))
                .Select(t => new LabelledText(t.Description, t.Category))
                .ToListAsync(cancellationToken);
        }

        await host.StopAsync(cancellationToken);
        // A corrected ticket counts three times: it is a case the shipped data got wrong for this district.
        var model = new TextClassifierTrainer().Train(rows.Concat(corrections).Concat(corrections).Concat(corrections), cancellationToken);
        var output = arguments.Require("out");
        model.Save(output);
        Console.WriteLine($"已用 {rows.Count} 条基础数据和 {corrections.Count} 条组长更正重新训练，模型已保存到 {output}；设置 Classifier:ModelPath 后生效。");
        return 0;
    }
}

using GridBot.Dialogs.Tickets.Classification;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Cli;

/// <summary>
/// classifier train --csv FILE [--text-column text] [--label-column label] [--folds 5] --out MODEL
///   picks features and regularisation by k-fold cross-validation on FILE, prints the table, trains the choice
/// classifier eval  --csv FILE --model MODEL [--text-column text] [--label-column label] [--json]
/// classifier retrain --out MODEL [--csv BASE] [--model PREVIOUS] [--promote-if-better]   the shipped (or given) data plus every
///   ticket a leader re-categorised; with --promote-if-better it replaces the previous model only if it does as well on a
///   held-out slice (exit code 3 when the previous one is kept)
/// Any label set works: the model learns whatever labels the file has.
/// </summary>
internal static class ClassifierVerb
{
    public const string Usage = """
          dotnet run --project src/GridBot.Host -- classifier train --csv FILE [--text-column text] [--label-column label] [--folds 5] --out MODEL   交叉验证选特征和正则，打印结果表
          dotnet run --project src/GridBot.Host -- classifier eval --csv FILE --model MODEL [--json]
          dotnet run --project src/GridBot.Host -- classifier retrain --out MODEL [--csv BASE] [--model PREVIOUS] [--promote-if-better]   加上组长“重新分类”更正过的工单再训练
        """;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var json = args.Contains("--json");
        var promoteIfBetter = args.Contains("--promote-if-better");
        var arguments = CliArguments.Parse(
            args.Skip(2).Where(a => a is not "--json" and not "--promote-if-better"), "csv", "text-column", "label-column", "out", "model", "folds");
        var textColumn = arguments["text-column"] ?? "text";
        var labelColumn = arguments["label-column"] ?? "label";
        try
        {
            switch (args.ElementAtOrDefault(1))
            {
                case "train":
                    return Train(arguments, textColumn, labelColumn, cancellationToken);
                case "eval":
                    var rows = new CsvLabelledReader(textColumn, labelColumn).Read(arguments.Require("csv")).ThrowIfInvalid().Rows;
                    var loaded = MlTextClassifier.Load(arguments.Require("model"));
                    var evaluation = ClassifierEvaluation.Evaluate(loaded, rows, loaded.Labels);
                    if (!json)
                    {
                        Console.WriteLine($"模型：{loaded.Settings.Describe()}，校准温度 T={loaded.Settings.Temperature:0.00}");
                    }

                    Console.WriteLine(json ? evaluation.ToJson() : evaluation.ToTable());
                    return 0;
                case "retrain":
                    return await RetrainAsync(arguments, textColumn, labelColumn, promoteIfBetter, cancellationToken);
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

    private static int Train(CliArguments arguments, string textColumn, string labelColumn, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var output = arguments.Require("out");
        var rows = new CsvLabelledReader(textColumn, labelColumn).Read(arguments.Require("csv")).ThrowIfInvalid().Rows;
        var folds = arguments["folds"] is { } value
            ? int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed is >= 2 and <= 20
                ? parsed
                : throw new ArgumentException("--folds must be a whole number from 2 to 20.")
            : ModelSelectionOptions.Default.Folds;
        var selector = new ModelSelector(ModelSelectionOptions.Default with { Folds = folds });
        using var bar = new ConsoleProgressBar();
        var (model, selection) = selector.SelectAndTrain(rows, bar, cancellationToken);
        bar.Dispose();
        Console.WriteLine(selection.ToTable());
        model.Save(output);
        Console.WriteLine($"已选用：{selection.Chosen.Options.Describe()}，校准温度 T={selection.Chosen.Options.Temperature:0.00}");
        Console.WriteLine($"已训练：{model.Labels.Count} 个类别（{string.Join("、", model.Labels)}），用时 {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} 秒，模型已保存到 {output}");
        Console.WriteLine($"在 appsettings.json 或命令行设置 Classifier:ModelPath={Path.GetFullPath(output)} 让机器人使用它。");
        return 0;
    }

    private static async Task<int> RetrainAsync(
        CliArguments arguments, string textColumn, string labelColumn, bool promoteIfBetter, CancellationToken cancellationToken)
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
        var output = arguments.Require("out");
        // The model being replaced: --model, else the one at --out, else the default model from the shipped data. Its
        // setting (chosen by cross-validation when `classifier train` made it) is kept for the retrained model.
        var previousPath = arguments["model"] ?? (File.Exists(output) ? output : null);
        var previous = previousPath is not null ? MlTextClassifier.Load(previousPath) : null;
        var gate = new RetrainingGate(previous?.Settings ?? TextClassifierOptions.Default);
        if (promoteIfBetter)
        {
            var decision = gate.Compare(previous ?? new TextClassifierTrainer().Train(rows, cancellationToken), rows, corrections, cancellationToken);
            Console.WriteLine($"留出 {decision.SliceRows} 条（其中 {decision.SliceCorrections} 条组长更正）比较：" +
                $"原模型 准确率 {decision.Previous.Accuracy:P1} / macro-F1 {decision.Previous.MacroF1:0.000}，" +
                $"新模型 准确率 {decision.Candidate.Accuracy:P1} / macro-F1 {decision.Candidate.MacroF1:0.000}");
            if (!decision.Promote)
            {
                Console.WriteLine($"新模型没有更好，保留原模型，未写入 {output}。");
                return 3;
            }
        }

        var model = gate.TrainAll(rows, corrections, cancellationToken);
        model.Save(output);
        Console.WriteLine($"已用 {rows.Count} 条基础数据和 {corrections.Count} 条组长更正重新训练，模型已保存到 {output}；设置 Classifier:ModelPath 后生效。");
        return 0;
    }
}

using System.CommandLine;
using GridBot.Dialogs.Tickets.Classification;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Cli;

/// <summary>
/// classifier train: picks features and regularisation by k-fold cross-validation, prints the table, trains the choice;
/// classifier eval: a model against a labelled CSV; classifier retrain: the shipped (or given) data plus every ticket a
/// leader re-categorised, with --promote-if-better replacing the previous model only if it does as well on a held-out
/// slice (exit code 3 when the previous one is kept). Any label set works: the model learns whatever labels the file has.
/// </summary>
internal static class ClassifierVerb
{
    /// <summary>retrain --promote-if-better kept the previous model: not a failure, but nothing was written.</summary>
    private const int Kept = 3;

    public static Command Create(string[] settings) =>
        new("classifier", "工单分类模型：训练、评估、用组长更正再训练") { Train(), Eval(), Retrain(settings) };

    private static Option<string> TextColumn() => new("--text-column") { Description = "文本列名", DefaultValueFactory = _ => "text", HelpName = "列名" };

    private static Option<string> LabelColumn() => new("--label-column") { Description = "类别列名", DefaultValueFactory = _ => "label", HelpName = "列名" };

    private static Command Train()
    {
        var csv = new Option<string>("--csv") { Description = "带类别的训练数据（CSV）", HelpName = "文件", Required = true };
        var output = new Option<string>("--out") { Description = "模型写到这里", HelpName = "模型文件", Required = true };
        var folds = new Option<int>("--folds") { Description = "交叉验证折数（2 到 20）", DefaultValueFactory = _ => ModelSelectionOptions.Default.Folds, HelpName = "折数" };
        folds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 2 or > 20)
            {
                result.AddError("--folds 应为 2 到 20 的整数。");
            }
        });
        var text = TextColumn();
        var label = LabelColumn();
        var json = CliOptions.Json();
        var command = new Command("train", "交叉验证选特征和正则，打印结果表，再用选中的设置训练") { csv, text, label, folds, output, json };
        command.SetAction(async (parsed, cancellationToken) => await Guarded(async () =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var path = parsed.GetRequiredValue(output);
            var rows = new CsvLabelledReader(parsed.GetRequiredValue(text), parsed.GetRequiredValue(label)).Read(parsed.GetRequiredValue(csv)).ThrowIfInvalid().Rows;
            var selector = new ModelSelector(ModelSelectionOptions.Default with { Folds = parsed.GetValue(folds) });
            var (model, selection) = await CliProgress.BarAsync("交叉验证", report =>
                Task.Run(() => selector.SelectAndTrain(rows, new Progress(report), cancellationToken), cancellationToken));
            model.Save(path);
            if (parsed.GetValue(json))
            {
                CliOutput.Json(new ClassifierTrained(Path.GetFullPath(path), model.Labels, selection.Chosen.Options.Describe(), rows.Count, 0));
                return CliExit.Done;
            }

            ClassifierTables.Write(selection);
            Console.WriteLine($"已选用：{selection.Chosen.Options.Describe()}，校准温度 T={selection.Chosen.Options.Temperature:0.00}");
            Console.WriteLine($"已训练：{model.Labels.Count} 个类别（{string.Join("、", model.Labels)}），用时 {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} 秒，模型已保存到 {path}");
            Console.WriteLine($"在 appsettings.json 或命令行设置 Classifier:ModelPath={Path.GetFullPath(path)} 让机器人使用它。");
            return CliExit.Done;
        }));
        return command;
    }

    private static Command Eval()
    {
        var csv = new Option<string>("--csv") { Description = "带类别的评估数据（CSV）", HelpName = "文件", Required = true };
        var modelPath = new Option<string>("--model") { Description = "要评估的模型", HelpName = "模型文件", Required = true };
        var text = TextColumn();
        var label = LabelColumn();
        var json = CliOptions.Json();
        var command = new Command("eval", "评估模型：准确率、macro-F1、每类的精确率和召回率") { csv, modelPath, text, label, json };
        command.SetAction(async (parsed, _) => await Guarded(() =>
        {
            var rows = new CsvLabelledReader(parsed.GetRequiredValue(text), parsed.GetRequiredValue(label)).Read(parsed.GetRequiredValue(csv)).ThrowIfInvalid().Rows;
            var loaded = MlTextClassifier.Load(parsed.GetRequiredValue(modelPath));
            var evaluation = ClassifierEvaluation.Evaluate(loaded, rows, loaded.Labels);
            if (parsed.GetValue(json))
            {
                Console.WriteLine(evaluation.ToJson());
                return Task.FromResult(CliExit.Done);
            }

            Console.WriteLine($"模型：{loaded.Settings.Describe()}，校准温度 T={loaded.Settings.Temperature:0.00}");
            ClassifierTables.Write(evaluation);
            return Task.FromResult(CliExit.Done);
        }));
        return command;
    }

    private static Command Retrain(string[] settings)
    {
        var csv = new Option<string>("--csv") { Description = "基础训练数据（默认随程序发布的数据）", HelpName = "文件" };
        var output = new Option<string>("--out") { Description = "模型写到这里", HelpName = "模型文件", Required = true };
        var previousPath = new Option<string>("--model") { Description = "被替换的模型（默认 --out 处已有的模型）", HelpName = "模型文件" };
        var promote = new Option<bool>("--promote-if-better") { Description = "新模型在留出数据上不差于原模型才写入（否则退出码 3）" };
        var text = TextColumn();
        var label = LabelColumn();
        var json = CliOptions.Json();
        var command = new Command("retrain", "加上组长“重新分类”更正过的工单再训练") { csv, output, previousPath, promote, text, label, json };
        command.SetAction(async (parsed, cancellationToken) => await Guarded(async () =>
        {
            var basePath = parsed.GetValue(csv) ?? ClassifierOptions.Resolve(new ClassifierOptions().TrainingDataPath);
            var rows = new CsvLabelledReader(parsed.GetRequiredValue(text), parsed.GetRequiredValue(label)).Read(basePath).ThrowIfInvalid().Rows.ToList();
            // The same --Key:Sub=value settings as the bot (e.g. --ConnectionStrings:GridBot=...) pick the database.
            using var host = await CliHost.StartAsync(settings, cancellationToken);
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
            var path = parsed.GetRequiredValue(output);
            // The model being replaced: --model, else the one at --out, else the default model from the shipped data. Its
            // setting (chosen by cross-validation when `classifier train` made it) is kept for the retrained model.
            var previousFile = parsed.GetValue(previousPath) ?? (File.Exists(path) ? path : null);
            var previous = previousFile is not null ? MlTextClassifier.Load(previousFile) : null;
            var gate = new RetrainingGate(previous?.Settings ?? TextClassifierOptions.Default);
            var asJson = parsed.GetValue(json);
            if (parsed.GetValue(promote))
            {
                var decision = await CliProgress.SpinnerAsync("比较新旧模型…", _ => Task.Run(
                    () => gate.Compare(previous ?? new TextClassifierTrainer().Train(rows, cancellationToken), rows, corrections, cancellationToken), cancellationToken));
                if (!asJson)
                {
                    Console.WriteLine($"留出 {decision.SliceRows} 条（其中 {decision.SliceCorrections} 条组长更正）比较：" +
                        $"原模型 准确率 {decision.Previous.Accuracy:P1} / macro-F1 {decision.Previous.MacroF1:0.000}，" +
                        $"新模型 准确率 {decision.Candidate.Accuracy:P1} / macro-F1 {decision.Candidate.MacroF1:0.000}");
                }

                if (!decision.Promote)
                {
                    if (asJson)
                    {
                        CliOutput.Json(new ClassifierTrained(null, previous?.Labels ?? [], (previous?.Settings ?? TextClassifierOptions.Default).Describe(), rows.Count, corrections.Count));
                    }
                    else
                    {
                        Console.WriteLine($"新模型没有更好，保留原模型，未写入 {path}。");
                    }

                    return Kept;
                }
            }

            var model = await CliProgress.SpinnerAsync($"用 {rows.Count} 条数据和 {corrections.Count} 条更正训练…", _ => Task.Run(() => gate.TrainAll(rows, corrections, cancellationToken), cancellationToken));
            model.Save(path);
            if (asJson)
            {
                CliOutput.Json(new ClassifierTrained(Path.GetFullPath(path), model.Labels, model.Settings.Describe(), rows.Count, corrections.Count));
            }
            else
            {
                Console.WriteLine($"已用 {rows.Count} 条基础数据和 {corrections.Count} 条组长更正重新训练，模型已保存到 {path}；设置 Classifier:ModelPath 后生效。");
            }

            return CliExit.Done;
        }));
        return command;
    }

    /// <summary>A missing or malformed file is a failed run (exit 1) with one line, not a stack trace.</summary>
    private static async Task<int> Guarded(Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception ex) when (ex is ArgumentException or CsvFormatException or IOException or InvalidDataException)
        {
            return CliOutput.Error("错误：" + ex.Message);
        }
    }

    /// <summary>Cross-validation's fits done, onto the bar.</summary>
    private sealed class Progress(Action<long, long> report) : IProgress<ModelSelectionProgress>
    {
        public void Report(ModelSelectionProgress value) => report(value.Done, value.Total);
    }
}

using System.Globalization;
using GridBot.Dialogs.Tickets.Classification;
using Spectre.Console;

namespace GridBot.Host.Cli;

/// <summary>
/// <c>classifier train</c>'s cross-validation table and <c>classifier eval</c>'s figures as Chinese tables for a person.
/// The plain-text tables in Dialogs stay what the model file, the bench and test logs carry.
/// </summary>
internal static class ClassifierTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(ModelSelectionResult selection)
    {
        var console = CliOutput.Out();
        console.WriteLine($"{selection.Folds} 折交叉验证，{selection.Rows} 条，用时 {selection.Seconds.ToString("0.0", Inv)} 秒（折外数字；ECE 为校准前 → 校准后）");
        var table = CliOutput.Table("设置", "准确率", "macro-F1", "对数损失", "ECE", "温度 T", "训练秒数", "");
        foreach (var r in selection.Results)
        {
            table.Row(r.IsBaseline ? "基线：" + r.Options.Describe() : r.Options.Describe(), F(r.Accuracy), F(r.MacroF1), F(r.LogLoss),
                $"{F(r.CalibrationError.Raw)} → {F(r.CalibrationError.Calibrated)}", r.Options.Temperature.ToString("0.00", Inv),
                r.Seconds.ToString("0.0", Inv), ReferenceEquals(r, selection.Chosen) ? "← 选用" : "");
        }

        console.Write(table);
        if (selection.Baseline is { } baseline)
        {
            console.WriteLine($"选用 − 基线：准确率 {D(selection.Chosen.Accuracy - baseline.Accuracy)}，macro-F1 {D(selection.Chosen.MacroF1 - baseline.MacroF1)}");
        }
    }

    public static void Write(ClassifierEvaluation evaluation)
    {
        var console = CliOutput.Out();
        var ece = evaluation.ExpectedCalibrationError is { } e ? $"，校准误差（ECE）{F(e)}" : "";
        console.WriteLine($"{evaluation.Count} 条：准确率 {evaluation.Accuracy.ToString("P1", Inv)}，macro-F1 {F(evaluation.MacroF1)}{ece}");
        var perClass = CliOutput.Table("类别", "精确率", "召回率", "F1", "条数");
        foreach (var m in evaluation.PerClass)
        {
            perClass.Row(m.Label, F(m.Precision), F(m.Recall), F(m.F1), m.Support.ToString(Inv));
        }

        console.Write(perClass);
        // Rows are the true class, columns the predicted one; columns by number so a wide matrix still fits.
        var confusion = CliOutput.Table(["实际 \\ 判为", .. evaluation.Labels.Select((_, i) => $"[{i + 1}]")]);
        for (var r = 0; r < evaluation.Labels.Count; r++)
        {
            confusion.Row([$"[{r + 1}] {evaluation.Labels[r]}", .. evaluation.ConfusionMatrix[r].Select(c => c.ToString(Inv))]);
        }

        console.WriteLine("混淆矩阵（行 = 实际类别，列 = 判为的类别）");
        console.Write(confusion);
    }

    private static string F(double value) => value.ToString("0.000", Inv);

    private static string D(double value) => value.ToString("+0.000;-0.000", Inv);
}

using System.Text.Json;
using GridBot.Dialogs.Tickets.Classification;
using Xunit;

namespace GridBot.Dialogs.Tests.Classification;

public sealed class ClassifierEvaluationTests
{
    // actual → predicted: A: 3 right, 1 as B; B: 1 right, 1 as A; C: 2 right.
    private static readonly (string, string)[] Pairs =
        [("A", "A"), ("A", "A"), ("A", "A"), ("A", "B"), ("B", "B"), ("B", "A"), ("C", "C"), ("C", "C")];

    [Fact]
    public void Computes_accuracy_macro_f1_per_class_and_confusion()
    {
        var evaluation = ClassifierEvaluation.Compute(Pairs);

        Assert.Equal(8, evaluation.Count);
        Assert.Equal(6.0 / 8, evaluation.Accuracy, 9);
        Assert.Equal(["A", "B", "C"], evaluation.Labels);
        var a = evaluation.PerClass[0];
        Assert.Equal((0.75, 0.75, 0.75, 4), (a.Precision, a.Recall, a.F1, a.Support));
        var b = evaluation.PerClass[1];
        Assert.Equal((0.5, 0.5, 0.5, 2), (b.Precision, b.Recall, b.F1, b.Support));
        Assert.Equal((0.75 + 0.5 + 1.0) / 3, evaluation.MacroF1, 9);
        Assert.Equal([3, 1, 0], evaluation.ConfusionMatrix[0]);
        Assert.Equal([1, 1, 0], evaluation.ConfusionMatrix[1]);
    }

    [Fact]
    public void Given_label_order_is_kept_and_unseen_labels_do_not_count_in_the_macro_average()
    {
        var evaluation = ClassifierEvaluation.Compute(Pairs, ["C", "Z", "A"]);

        Assert.Equal(["C", "Z", "A", "B"], evaluation.Labels);
        Assert.Equal(0, evaluation.PerClass[1].Support);
        Assert.Equal((0.75 + 0.5 + 1.0) / 3, evaluation.MacroF1, 9);
    }

    [Fact]
    public void Renders_a_table_and_json()
    {
        var evaluation = ClassifierEvaluation.Compute([("环境卫生", "环境卫生"), ("非报事", "环境卫生")]);

        var table = evaluation.ToTable();
        Assert.Contains("macro-F1", table);
        Assert.Contains("环境卫生", table);

        var json = evaluation.ToJson();
        Assert.Contains("环境卫生", json); // not \u-escaped
        using var document = JsonDocument.Parse(json);
        Assert.Equal(0.5, document.RootElement.GetProperty("Accuracy").GetDouble());
        Assert.Equal(2, document.RootElement.GetProperty("ConfusionMatrix").GetArrayLength());
        Assert.Equal(1, document.RootElement.GetProperty("PerClass")[1].GetProperty("Support").GetInt32());
    }

    [Fact]
    public void Expected_calibration_error_weighs_each_bin_by_its_share()
    {
        // Bin 0.9–1.0: two predictions at 0.95, one right → |0.5 − 0.95| = 0.45, share 2/4.
        // Bin 0.6–0.7: two at 0.65, both right → |1 − 0.65| = 0.35, share 2/4.
        var evaluation = ClassifierEvaluation.Compute(
            [("A", "A", 0.95), ("A", "B", 0.95), ("B", "B", 0.65), ("C", "C", 0.65)]);

        Assert.Equal((0.45 * 0.5) + (0.35 * 0.5), evaluation.ExpectedCalibrationError!.Value, 9);
        Assert.Contains("ECE", evaluation.ToTable());
        Assert.Null(ClassifierEvaluation.Compute(Pairs).ExpectedCalibrationError);
    }
}

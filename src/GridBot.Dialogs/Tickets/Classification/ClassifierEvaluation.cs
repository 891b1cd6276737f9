using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Accuracy, macro-F1, per-label figures and the confusion matrix of a set of
/// predictions. Computed here from (actual, predicted) pairs rather than by ML.NET, so it works
/// for any classifier and any label set.</summary>
public sealed class ClassifierEvaluation
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Keep Chinese labels readable in the JSON instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new(Indented) { WriteIndented = false };

    /// <summary>Equal-width confidence bins for <see cref="ExpectedCalibrationError"/> (the usual 10).</summary>
    public const int CalibrationBins = 10;

    private ClassifierEvaluation(
        int count, double accuracy, double macroF1, IReadOnlyList<string> labels,
        IReadOnlyList<ClassMetrics> perClass, IReadOnlyList<IReadOnlyList<int>> confusionMatrix, double? expectedCalibrationError)
    {
        ExpectedCalibrationError = expectedCalibrationError;
        Count = count;
        Accuracy = accuracy;
        MacroF1 = macroF1;
        Labels = labels;
        PerClass = perClass;
        ConfusionMatrix = confusionMatrix;
    }

    public int Count { get; }

    public double Accuracy { get; }

    /// <summary>Unweighted mean of the per-label F1 scores.</summary>
    public double MacroF1 { get; }

    /// <summary>Row and column order of <see cref="ConfusionMatrix"/> and <see cref="PerClass"/>.</summary>
    public IReadOnlyList<string> Labels { get; }

    public IReadOnlyList<ClassMetrics> PerClass { get; }

    /// <summary><c>ConfusionMatrix[actual][predicted]</c>, indices into <see cref="Labels"/>.</summary>
    public IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix { get; }

    /// <summary>Expected calibration error of the top label's confidence: over <see cref="CalibrationBins"/>
    /// equal-width bins, the share of examples in a bin times |accuracy − mean confidence| there. 0 = a confidence
    /// of 0.8 is right 80 % of the time; null when the predictions came without confidences.</summary>
    public double? ExpectedCalibrationError { get; }

    /// <summary>Runs the classifier over the examples and evaluates its answers and their confidences.</summary>
    public static ClassifierEvaluation Evaluate(ITicketClassifier classifier, IEnumerable<LabelledText> examples, IEnumerable<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(examples);
        return Compute(examples.Select(e =>
        {
            var prediction = classifier.Predict(e.Text);
            return (e.Label, prediction.Label, (double)prediction.Confidence);
        }), labels);
    }

    /// <summary>Evaluates (actual, predicted, confidence of the predicted label) triples, with the calibration error.</summary>
    public static ClassifierEvaluation Compute(IEnumerable<(string Actual, string Predicted, double Confidence)> predictions, IEnumerable<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var list = predictions.ToList();
        var evaluation = Compute(list.Select(static p => (p.Actual, p.Predicted)), labels);
        return new ClassifierEvaluation(
            evaluation.Count, evaluation.Accuracy, evaluation.MacroF1, evaluation.Labels, evaluation.PerClass, evaluation.ConfusionMatrix,
            CalibrationError(list));
    }

    private static double CalibrationError(List<(string Actual, string Predicted, double Confidence)> predictions)
    {
        if (predictions.Count == 0)
        {
            return 0;
        }

        var count = new int[CalibrationBins];
        var correct = new int[CalibrationBins];
        var confidence = new double[CalibrationBins];
        foreach (var (actual, predicted, p) in predictions)
        {
            var bin = Math.Clamp((int)(p * CalibrationBins), 0, CalibrationBins - 1);
            count[bin]++;
            confidence[bin] += p;
            correct[bin] += string.Equals(actual, predicted, StringComparison.Ordinal) ? 1 : 0;
        }

        var error = 0.0;
        for (var b = 0; b < CalibrationBins; b++)
        {
            if (count[b] > 0)
            {
                error += Math.Abs(((double)correct[b] / count[b]) - (confidence[b] / count[b])) * count[b] / predictions.Count;
            }
        }

        return error;
    }

    /// <summary>Evaluates (actual, predicted) pairs.</summary>
    /// <param name="labels">Label order for the report; labels seen in the pairs but not listed are
    /// appended in ordinal order. Labels that are neither actual nor predicted anywhere are left
    /// out of the macro average, since their F1 is undefined.</param>
    public static ClassifierEvaluation Compute(IEnumerable<(string Actual, string Predicted)> pairs, IEnumerable<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var list = pairs.ToList();
        var seen = list.SelectMany(static p => new[] { p.Actual, p.Predicted }).Distinct(StringComparer.Ordinal);
        var order = (labels ?? []).Distinct(StringComparer.Ordinal).ToList();
        order.AddRange(seen.Where(l => !order.Contains(l, StringComparer.Ordinal)).Order(StringComparer.Ordinal));

        var index = order.Select((label, i) => (label, i)).ToDictionary(static x => x.label, static x => x.i, StringComparer.Ordinal);
        var matrix = new int[order.Count][];
        for (var i = 0; i < matrix.Length; i++)
        {
            matrix[i] = new int[order.Count];
        }

        var correct = 0;
        foreach (var (actual, predicted) in list)
        {
            matrix[index[actual]][index[predicted]]++;
            if (string.Equals(actual, predicted, StringComparison.Ordinal))
            {
                correct++;
            }
        }

        var perClass = new List<ClassMetrics>(order.Count);
        var f1Sum = 0.0;
        var f1Count = 0;
        for (var k = 0; k < order.Count; k++)
        {
            var truePositives = matrix[k][k];
            var support = matrix[k].Sum();
            var predictedCount = matrix.Sum(row => row[k]);
            var precision = predictedCount == 0 ? 0 : (double)truePositives / predictedCount;
            var recall = support == 0 ? 0 : (double)truePositives / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(order[k], precision, recall, f1, support));
            if (support > 0 || predictedCount > 0)
            {
                f1Sum += f1;
                f1Count++;
            }
        }

        return new ClassifierEvaluation(
            list.Count,
            list.Count == 0 ? 0 : (double)correct / list.Count,
            f1Count == 0 ? 0 : f1Sum / f1Count,
            order,
            perClass,
            matrix.Select(static row => (IReadOnlyList<int>)row).ToArray(),
            null);
    }

    public string ToJson(bool indented = true) => JsonSerializer.Serialize(this, indented ? Indented : Compact);

    /// <summary>A fixed-width table for logs and terminals; CJK characters count as two columns.</summary>
    public string ToTable()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var ece = ExpectedCalibrationError is { } e ? $"   calibration error (ECE): {e:F3}" : string.Empty;
        text.AppendLine(inv, $"examples: {Count}   accuracy: {Accuracy:P1}   macro-F1: {MacroF1:F3}{ece}");
        text.AppendLine();

        var labelWidth = Math.Max(5, Labels.Select(DisplayWidth).DefaultIfEmpty(0).Max());
        text.Append(Pad("label", labelWidth)).AppendLine("  precision  recall     F1  support");
        foreach (var m in PerClass)
        {
            text.Append(Pad(m.Label, labelWidth))
                .AppendLine(inv, $"  {m.Precision,9:F3}  {m.Recall,6:F3}  {m.F1,5:F3}  {m.Support,7}");
        }

        text.AppendLine();
        text.AppendLine("confusion matrix (rows = actual, columns = predicted)");
        var cellWidth = Math.Max(5, ConfusionMatrix.SelectMany(static r => r).DefaultIfEmpty(0).Max().ToString(inv).Length + 1);
        var rowHeaders = Labels.Select(static (label, i) => $"[{i + 1}] {label}").ToList();
        var rowHeaderWidth = rowHeaders.Select(DisplayWidth).DefaultIfEmpty(0).Max();
        text.Append(Pad(string.Empty, rowHeaderWidth));
        for (var c = 0; c < Labels.Count; c++)
        {
            text.Append(' ').Append(Pad($"[{c + 1}]", cellWidth, alignRight: true));
        }

        text.AppendLine();
        for (var r = 0; r < Labels.Count; r++)
        {
            text.Append(Pad(rowHeaders[r], rowHeaderWidth));
            for (var c = 0; c < Labels.Count; c++)
            {
                text.Append(' ').Append(Pad(ConfusionMatrix[r][c].ToString(inv), cellWidth, alignRight: true));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public override string ToString() => ToTable();

    private static int DisplayWidth(string value)
    {
        var width = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            // East Asian wide ranges that matter for labels: CJK, Hangul, kana, full-width forms.
            width += rune.Value is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
                or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6)
                or (>= 0x1F300 and <= 0x1FAFF) or (>= 0x20000 and <= 0x3FFFD)
                ? 2
                : 1;
        }

        return width;
    }

    private static string Pad(string value, int width, bool alignRight = false)
    {
        var padding = new string(' ', Math.Max(0, width - DisplayWidth(value)));
        return alignRight ? padding + value : value + padding;
    }
}

using GridBot.Dialogs.Tickets.Classification;
using Xunit;
using Xunit.Abstractions;

namespace GridBot.Dialogs.Tests.Classification;

public sealed class ModelSelectorTests(ITestOutputHelper output)
{
    // A small grid on a tiny set (112 long messages, 7 departments): the test checks the mechanism, not the figures.
    private static readonly ModelSelectionOptions SmallGrid = ModelSelectionOptions.Default with
    {
        Folds = 3,
        FeatureSets = [(2, 0), (2, 2)],
        L2Regularizations = [1e-3f, 1e-4f],
    };

    private static IReadOnlyList<LabelledText> Sample() =>
        new CsvLabelledReader().Read(Path.Combine(AppContext.BaseDirectory, "Classification", "Data", "long.sample.csv")).ThrowIfInvalid().Rows;

    [Fact]
    public void Cross_validation_prints_every_setting_and_the_baseline_and_picks_the_best_macro_f1()
    {
        var selection = new ModelSelector(SmallGrid).Select(Sample());
        output.WriteLine(selection.ToTable());

        Assert.Equal(5, selection.Results.Count);
        Assert.True(selection.Results[^1].IsBaseline);
        Assert.Equal(TextClassifierOptions.Baseline.Describe(), selection.Baseline!.Options.Describe());
        Assert.False(selection.Chosen.IsBaseline);
        var best = selection.Results.Where(r => !r.IsBaseline).Max(r => Math.Round(r.MacroF1, 3));
        Assert.Equal(best, Math.Round(selection.Chosen.MacroF1, 3));
        Assert.All(selection.Results, r =>
        {
            Assert.InRange(r.Accuracy, 0.3, 1);
            Assert.True(r.Options.Temperature > 0);
            Assert.True(r.LogLoss > 0);
        });
        var table = selection.ToTable();
        Assert.Contains("3-fold cross-validation on 112 rows", table);
        Assert.Contains("← chosen", table);
        Assert.Contains("baseline: char 1–2, svm", table);
        Assert.Contains("char 1–2 + word 1–2, maxent, L2 1e-4", table);
    }

    [Fact]
    public void Calibration_lowers_the_log_loss_of_the_out_of_fold_scores()
    {
        var selection = new ModelSelector(SmallGrid with { FeatureSets = [(2, 0)], L2Regularizations = [1e-3f], IncludeBaseline = false }).Select(Sample());
        var chosen = selection.Chosen;

        // A strong L2 on 112 rows gives timid probabilities; the fitted temperature sharpens them.
        Assert.True(chosen.Options.Temperature < 1, $"T = {chosen.Options.Temperature}");
        Assert.True(chosen.CalibrationError.Calibrated < chosen.CalibrationError.Raw, $"{chosen.CalibrationError}");
    }

    [Fact]
    public void The_same_file_gives_the_same_table_whatever_the_parallelism()
    {
        var one = new ModelSelector(SmallGrid with { FeatureSets = [(2, 2)], MaxDegreeOfParallelism = 1 }).Select(Sample());
        var two = new ModelSelector(SmallGrid with { FeatureSets = [(2, 2)], MaxDegreeOfParallelism = 2 }).Select(Sample());

        Assert.Equal(one.Results.Select(r => (r.Accuracy, r.MacroF1, r.LogLoss, r.Options.Temperature)), two.Results.Select(r => (r.Accuracy, r.MacroF1, r.LogLoss, r.Options.Temperature)));
    }

    [Fact]
    public void Select_and_train_saves_the_choice_its_words_and_temperature_in_the_model()
    {
        var (model, selection) = new ModelSelector(SmallGrid with { FeatureSets = [(2, 2)], L2Regularizations = [1e-3f], IncludeBaseline = false }).SelectAndTrain(Sample());
        var path = Path.Combine(Path.GetTempPath(), $"gridbot-selected-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            var loaded = MlTextClassifier.Load(path);

            Assert.Equal(2, loaded.Settings.WordNgramLength);
            Assert.Equal(selection.Chosen.Options.Temperature, loaded.Settings.Temperature, 9);
            Assert.Contains("← chosen", loaded.Selection);
            const string text = "尊敬的领导您好！我在某劳务公司上班，公司已经拖欠工资五个月，也不给缴纳社保，希望人社部门帮忙。";
            var before = model.Predict(text);
            var after = loaded.Predict(text);
            Assert.Equal(before.Label, after.Label);
            Assert.Equal(before.Confidence, after.Confidence, 5);
            Assert.Equal(1.0, after.Scores.Sum(s => s.Score), 4);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Folds_are_stratified_and_fixed_by_the_seed()
    {
        var rows = Sample().Select(r => new LabelledText(r.Text, r.Label)).ToList();
        var selectorRows = rows.Select(r => r.Label).ToList();
        var first = ModelSelector.AssignFolds(selectorRows, 4, 7);
        var again = ModelSelector.AssignFolds(selectorRows, 4, 7);

        Assert.Equal(first, again);
        foreach (var label in selectorRows.Distinct())
        {
            var perFold = Enumerable.Range(0, 4).Select(f => selectorRows.Where((l, i) => l == label && first[i] == f).Count()).ToList();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"{label}: {string.Join(",", perFold)}");
        }
    }
}

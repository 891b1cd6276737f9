using GridBot.Dialogs.Tickets.Classification;
using Xunit;
using Xunit.Abstractions;

namespace GridBot.Dialogs.Tests.Classification;

public sealed class MlTextClassifierTests(TrainedClassifierFixture fixture, ITestOutputHelper output)
    : IClassFixture<TrainedClassifierFixture>
{
    private static readonly string[] DefaultLabels = ["环境卫生", "民生服务", "安全隐患", "社情民意", "矛盾纠纷", "非报事"];

    [Fact]
    public void Data_set_has_the_six_labels_with_enough_rows_and_no_shared_text()
    {
        foreach (var label in DefaultLabels)
        {
            Assert.True(fixture.Train.Count(r => r.Label == label) >= 130, $"train {label}");
            Assert.True(fixture.Test.Count(r => r.Label == label) >= 45, $"test {label}");
        }

        Assert.Equal(DefaultLabels.Order(), fixture.Train.Select(r => r.Label).Distinct().Order());
        Assert.Empty(fixture.Train.Select(r => r.Text).Intersect(fixture.Test.Select(r => r.Text)));
    }

    [Fact]
    public void Held_out_macro_f1_stays_above_threshold()
    {
        var evaluation = ClassifierEvaluation.Evaluate(fixture.Classifier, fixture.Test);
        output.WriteLine(evaluation.ToTable());

        // Measured 0.910 macro-F1 / 91.2 % accuracy on messages.test.csv (339 rows; issue #18's target is 0.90).
        Assert.True(evaluation.MacroF1 >= 0.90, $"macro-F1 {evaluation.MacroF1:F3}");
        Assert.True(evaluation.Accuracy >= 0.90, $"accuracy {evaluation.Accuracy:F3}");
    }

    [Fact]
    public void Default_temperature_is_the_one_cross_validation_fits_on_the_shipped_file()
    {
        var defaults = TextClassifierOptions.Default;
        var selection = new ModelSelector(ModelSelectionOptions.Default with
        {
            FeatureSets = [(defaults.CharNgramLength, defaults.WordNgramLength)],
            L2Regularizations = [defaults.L2Regularization!.Value],
            IncludeBaseline = false,
        }).Select(fixture.Train);
        output.WriteLine(selection.ToTable());

        // The thresholds read these probabilities as calibrated: new training rows need a new temperature.
        Assert.InRange(selection.Chosen.Options.Temperature, defaults.Temperature - 0.02, defaults.Temperature + 0.02);
        Assert.True(selection.Chosen.CalibrationError.Calibrated < 0.03, $"ECE {selection.Chosen.CalibrationError.Calibrated:F3}");
    }

    [Theory]
    [InlineData("谢谢")]
    [InlineData("好的")]
    [InlineData("收到")]
    [InlineData("👍")]
    [InlineData("收到，谢谢网格员")]
    public void Acknowledgements_are_not_reports(string text)
    {
        Assert.Equal("非报事", fixture.Classifier.Predict(text).Label);
    }

    [Fact]
    public void Prediction_carries_every_label_sorted_with_probabilities()
    {
        var prediction = fixture.Classifier.Predict("3号楼门口的垃圾好几天没人收了，臭得很");

        Assert.Equal("环境卫生", prediction.Label);
        Assert.Equal(DefaultLabels.Order(), prediction.Scores.Select(s => s.Label).Order());
        Assert.Equal(prediction.Scores[0].Score, prediction.Confidence);
        Assert.Equal(prediction.Scores.OrderByDescending(s => s.Score), prediction.Scores);
        Assert.InRange(prediction.Scores.Sum(s => s.Score), 0.99f, 1.01f);
    }

    [Fact]
    public void Save_then_load_gives_the_same_predictions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gridbot-classifier-{Guid.NewGuid():N}.zip");
        try
        {
            fixture.Classifier.Save(path);
            var loaded = MlTextClassifier.Load(path);

            Assert.Equal(fixture.Classifier.Labels, loaded.Labels);
            Assert.Equal(fixture.Classifier.Normalization, loaded.Normalization);
            foreach (var row in fixture.Test)
            {
                var before = fixture.Classifier.Predict(row.Text);
                var after = loaded.Predict(row.Text);
                Assert.Equal(before.Label, after.Label);
                Assert.Equal(before.Confidence, after.Confidence, 5);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_rejects_a_zip_that_is_not_a_gridbot_model()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("hello.txt");
        }

        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => MlTextClassifier.Load(stream));
    }

    [Fact]
    public void Concurrent_predictions_match_sequential_ones()
    {
        var texts = fixture.Test.Select(r => r.Text).ToArray();
        var expected = texts.Select(t => fixture.Classifier.Predict(t).Label).ToArray();
        var actual = new string[texts.Length];

        Parallel.For(0, texts.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var k = i % texts.Length;
            actual[k] = fixture.Classifier.Predict(texts[k]).Label;
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Normalisation_makes_full_width_and_case_variants_equal()
    {
        var half = fixture.Classifier.Predict("3号楼电梯坏了 ok");
        var full = fixture.Classifier.Predict("３号楼电梯坏了　ＯＫ");

        Assert.Equal(half.Label, full.Label);
        Assert.Equal(half.Confidence, full.Confidence, 6);
    }

    [Fact]
    public void A_format_1_model_from_before_word_features_still_loads_and_predicts_the_same()
    {
        // A format-1 model predicted with temperature 1, so compare with the same model trained at that temperature.
        var uncalibrated = new TextClassifierTrainer(TextClassifierOptions.Default with { Temperature = 1 }).Train(fixture.Train);
        using var saved = new MemoryStream();
        uncalibrated.Save(saved);
        using var old = new MemoryStream();
        saved.Position = 0;
        saved.CopyTo(old);
        using (var zip = new System.IO.Compression.ZipArchive(old, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            // What a format-1 file holds: no word n-grams, learner or temperature.
            zip.GetEntry("GridBot/classifier.json")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("GridBot/classifier.json").Open());
            writer.Write("""{"FormatVersion":1,"Labels":[],"CharNgramLength":2,"L2Regularization":3e-5,"TrainingRows":1337}""");
        }

        old.Position = 0;
        var loaded = MlTextClassifier.Load(old);

        Assert.Equal(0, loaded.Settings.WordNgramLength);
        Assert.Equal(1.0, loaded.Settings.Temperature);
        foreach (var row in fixture.Test.Take(20))
        {
            Assert.Equal(uncalibrated.Predict(row.Text).Confidence, loaded.Predict(row.Text).Confidence, 6);
        }
    }
}

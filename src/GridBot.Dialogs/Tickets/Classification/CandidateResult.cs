namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>One row of the cross-validation table: a setting and its out-of-fold figures.</summary>
/// <param name="Options">The setting, with the temperature fitted on its out-of-fold scores.</param>
/// <param name="Accuracy">Out-of-fold accuracy over the whole training file.</param>
/// <param name="MacroF1">Out-of-fold macro-F1.</param>
/// <param name="LogLoss">Out-of-fold log-loss after calibration.</param>
/// <param name="CalibrationError">Out-of-fold expected calibration error before / after the temperature.</param>
/// <param name="Seconds">Time spent fitting this setting's learner over all folds (featurisation is shared).</param>
/// <param name="IsBaseline">The plain baseline, shown for comparison and never chosen.</param>
public sealed record CandidateResult(
    TextClassifierOptions Options, double Accuracy, double MacroF1, double LogLoss,
    (double Raw, double Calibrated) CalibrationError, double Seconds, bool IsBaseline);

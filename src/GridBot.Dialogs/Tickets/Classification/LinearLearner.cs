namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>The linear model on top of the n-gram features (both ML.NET SDCA).</summary>
public enum LinearLearner
{
    /// <summary>Multinomial logistic regression: its scores are probabilities.</summary>
    MaximumEntropy,

    /// <summary>Hinge loss (a linear SVM): its scores are margins, turned into probabilities by calibration.
    /// The plain baseline the issue measures against (TF-IDF char 1–2 + linear SVM).</summary>
    Hinge,
}

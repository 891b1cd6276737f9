namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Which model classifies reports: a trained file, or the default model trained at start from the shipped data.</summary>
public sealed class ClassifierOptions
{
    public const string SectionName = "Classifier";

    /// <summary>False: category from taxonomy keywords only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A model saved by `classifier train`; empty trains the default model at start (about a second).</summary>
    public string? ModelPath { get; set; }

    public string TrainingDataPath { get; set; } = "Tickets/Classification/Data/messages.train.csv";

    /// <summary>The label that means "not a report" in the model's label set.</summary>
    public string NotReportLabel { get; set; } = "非报事";

    /// <summary>A relative path is the user's (working folder) when it exists there, otherwise one shipped beside the binary.</summary>
    public static string Resolve(string path) =>
        Path.IsPathRooted(path) || File.Exists(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}

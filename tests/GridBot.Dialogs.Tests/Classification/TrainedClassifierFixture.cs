using GridBot.Dialogs.Tickets.Classification;

namespace GridBot.Dialogs.Tests.Classification;

/// <summary>Trains the default classifier once per test class: training is the slow part.</summary>
public sealed class TrainedClassifierFixture
{
    public TrainedClassifierFixture()
    {
        var reader = new CsvLabelledReader();
        Train = reader.Read(DataPath("messages.train.csv")).ThrowIfInvalid().Rows;
        Test = reader.Read(DataPath("messages.test.csv")).ThrowIfInvalid().Rows;
        Classifier = new TextClassifierTrainer().Train(Train);
    }

    public IReadOnlyList<LabelledText> Train { get; }

    public IReadOnlyList<LabelledText> Test { get; }

    public MlTextClassifier Classifier { get; }

    public static string DataPath(string fileName) =>
        Path.Combine(AppContext.BaseDirectory, "Tickets", "Classification", "Data", fileName);
}

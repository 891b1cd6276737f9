namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>The good rows of a labelled CSV and the problems found in the others.</summary>
public sealed record CsvReadResult(string Source, IReadOnlyList<LabelledText> Rows, IReadOnlyList<CsvRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <exception cref="CsvFormatException">Any row was bad.</exception>
    public CsvReadResult ThrowIfInvalid() => IsValid ? this : throw new CsvFormatException(Source, Errors);
}

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>A CSV row that could not be used, with the 1-based line it starts on.</summary>
public readonly record struct CsvRowError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

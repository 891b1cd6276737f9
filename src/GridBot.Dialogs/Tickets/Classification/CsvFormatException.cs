namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>A labelled CSV had bad rows; <see cref="Errors"/> says where.</summary>
public sealed class CsvFormatException : FormatException
{
    public CsvFormatException(string source, IReadOnlyList<CsvRowError> errors)
        : base(BuildMessage(source, errors))
    {
        Source = source;
        Errors = errors;
    }

    public IReadOnlyList<CsvRowError> Errors { get; }

    private static string BuildMessage(string source, IReadOnlyList<CsvRowError> errors)
    {
        // Cap the list: a wrong delimiter makes every row bad, and one screen says enough.
        const int Shown = 10;
        var lines = errors.Take(Shown).Select(static e => "  " + e);
        var more = errors.Count > Shown ? $"{Environment.NewLine}  … and {errors.Count - Shown} more" : string.Empty;
        return $"{source}: {errors.Count} bad row(s):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}

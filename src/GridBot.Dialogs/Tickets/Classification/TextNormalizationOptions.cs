namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>How message text is normalised before featurisation.</summary>
/// <remarks>Persisted inside the model zip, so a loaded model normalises exactly as it did when trained.</remarks>
public sealed record TextNormalizationOptions
{
    /// <summary>Full-width ASCII (Ｕ，１２) to half-width; Chinese IMEs emit both forms for the same thing.</summary>
    public bool FullWidthToHalfWidth { get; init; } = true;

    public bool LowerCase { get; init; } = true;

    /// <summary>Runs of whitespace (including U+3000) become one space; trimmed at both ends.</summary>
    public bool CollapseWhitespace { get; init; } = true;

    /// <summary>Every ASCII digit becomes '0': building and room numbers ("3号楼502") carry no
    /// category signal, and mapping them together lets "0号楼" share one n-gram.</summary>
    public bool DigitsToZero { get; init; } = true;

    public static TextNormalizationOptions Default { get; } = new();
}

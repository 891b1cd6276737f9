namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>The one text normalisation used at training and at prediction time.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text, TextNormalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        if (text.Length == 0)
        {
            return text;
        }

        // Short chat messages: a stackalloc'd buffer avoids a StringBuilder per prediction.
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var original in text)
        {
            var c = original;
            if (options.FullWidthToHalfWidth)
            {
                if (c is >= '\uFF01' and <= '\uFF5E')
                {
                    c = (char)(c - 0xFEE0);
                }
                else if (c == '\u3000')
                {
                    c = ' ';
                }
            }

            if (options.CollapseWhitespace && char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            if (options.LowerCase)
            {
                c = char.ToLowerInvariant(c);
            }

            if (options.DigitsToZero && c is >= '0' and <= '9')
            {
                c = '0';
            }

            buffer[length++] = c;
        }

        return new string(buffer[..length]);
    }
}

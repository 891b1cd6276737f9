using System.Text;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Collects the segmenter's words into one space-separated string, dropping tokens with no letter or digit
/// (punctuation and whitespace: they are already in the character n-grams).</summary>
internal readonly struct WordSink(StringBuilder text)
{
    public void Word(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(token);
                return;
            }
        }
    }

    public override string ToString() => text.ToString();
}

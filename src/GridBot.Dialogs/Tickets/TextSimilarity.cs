namespace GridBot.Dialogs.Tickets;

/// <summary>Character-bigram Dice similarity: Chinese has no spaces, and two characters carry most words.</summary>
public static class TextSimilarity
{
    public static double Dice(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }

        var shared = x.Count(y.Contains);
        return 2.0 * shared / (x.Count + y.Count);
    }

    private static HashSet<string> Bigrams(string text)
    {
        var letters = text.Where(char.IsLetterOrDigit).Take(500).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            set.Add(new string(letters, i, 2));
        }

        return set;
    }
}

using System.Globalization;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>jieba's word list (<c>dict.txt</c>: word, frequency, tag per line) as a lookup that takes spans, so
/// building a sentence's word graph allocates no substring per candidate.</summary>
internal sealed class JiebaDictionary
{
    // A word, or a prefix of one (frequency 0): the word graph stops extending a fragment once it is neither.
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private JiebaDictionary(Dictionary<string, Entry> entries, double total)
    {
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        LogTotal = Math.Log(total);
    }

    /// <summary>Log of the sum of every line's frequency (duplicates included), as jieba.NET computes it.</summary>
    public double LogTotal { get; }

    public static JiebaDictionary Load(string path)
    {
        var entries = new Dictionary<string, Entry>(700_000, StringComparer.Ordinal);
        var total = 0d;
        foreach (var line in File.ReadLines(path))
        {
            var end = line.IndexOfAny([' ', '\t']);
            if (end <= 0)
            {
                continue;
            }

            var rest = line.AsSpan(end + 1);
            var freqEnd = rest.IndexOfAny(' ', '\t');
            var frequency = int.Parse(freqEnd < 0 ? rest : rest[..freqEnd], NumberStyles.None, CultureInfo.InvariantCulture);
            var word = line[..end];
            entries[word] = new Entry(frequency);
            total += frequency;
            for (var length = 1; length < word.Length; length++)
            {
                entries.TryAdd(word[..length], new Entry(0));
            }
        }

        return new JiebaDictionary(entries, total);
    }

    /// <summary>False when the fragment is neither a word nor the start of one.</summary>
    public bool TryGet(ReadOnlySpan<char> fragment, out Entry entry) => _lookup.TryGetValue(fragment, out entry);

    public bool ContainsWord(ReadOnlySpan<char> fragment) => _lookup.TryGetValue(fragment, out var entry) && entry.IsWord;

    /// <param name="Frequency">0 for a prefix that is not itself a word.</param>
    internal readonly record struct Entry(int Frequency)
    {
        public bool IsWord => Frequency > 0;

        /// <summary>Computed once here instead of at every use; the same double jieba.NET computes per use.</summary>
        public double LogFrequency { get; } = Frequency > 0 ? Math.Log(Frequency) : 0d;
    }
}

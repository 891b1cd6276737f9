using System.Globalization;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>jieba's word list (<c>dict.txt</c>: word, frequency, tag per line) as a character trie, so extending a
/// fragment by one character is one lookup instead of hashing (and allocating) the whole fragment again.</summary>
/// <remarks>Node 0 is the root; a node's frequency is 0 when it is only the start of longer words. A word listed
/// twice keeps its last frequency, and the total counts every line, as jieba.NET does.</remarks>
internal sealed class JiebaDictionary
{
    private readonly int[] _rootChildren;
    private readonly Dictionary<long, int> _children;
    private readonly int[] _frequency;
    private readonly double[] _logFrequency;

    private JiebaDictionary(int[] rootChildren, Dictionary<long, int> children, int[] frequency, double total)
    {
        _rootChildren = rootChildren;
        _children = children;
        _frequency = frequency;

        // Computed once per word instead of at every use: the same double jieba.NET computes per use.
        _logFrequency = Array.ConvertAll(frequency, static f => f > 0 ? Math.Log(f) : 0d);
        LogTotal = Math.Log(total);
    }

    /// <summary>Log of the sum of every line's frequency.</summary>
    public double LogTotal { get; }

    public static JiebaDictionary Load(string path)
    {
        var rootChildren = new int[char.MaxValue + 1];
        var children = new Dictionary<long, int>(600_000);
        var frequency = new List<int>(700_000) { 0 };
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
            var count = int.Parse(freqEnd < 0 ? rest : rest[..freqEnd], NumberStyles.None, CultureInfo.InvariantCulture);
            var node = 0;
            foreach (var c in line.AsSpan(0, end))
            {
                var child = node == 0 ? rootChildren[c] : children.GetValueOrDefault(Key(node, c));
                if (child == 0)
                {
                    child = frequency.Count;
                    frequency.Add(0);
                    if (node == 0)
                    {
                        rootChildren[c] = child;
                    }
                    else
                    {
                        children.Add(Key(node, c), child);
                    }
                }

                node = child;
            }

            frequency[node] = count;
            total += count;
        }

        return new JiebaDictionary(rootChildren, children, frequency.ToArray(), total);
    }

    /// <summary>The node one character further, or 0 when no word continues that way.</summary>
    public int Child(int node, char c) => node == 0 ? _rootChildren[c] : _children.GetValueOrDefault(Key(node, c));

    public bool IsWord(int node) => _frequency[node] > 0;

    public double LogFrequency(int node) => _logFrequency[node];

    public bool ContainsWord(ReadOnlySpan<char> fragment)
    {
        var node = 0;
        foreach (var c in fragment)
        {
            node = Child(node, c);
            if (node == 0)
            {
                return false;
            }
        }

        return IsWord(node);
    }

    private static long Key(int node, char c) => ((long)node << 16) | c;
}

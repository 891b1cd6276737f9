using System.Text;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Words for the word n-gram features: jieba's precise mode with its HMM for unknown words, over the
/// normalised text, joined by spaces so ML.NET's word tokenizer splits them back.</summary>
/// <remarks>Our own implementation of jieba's algorithm over jieba.NET's dictionary files, because jieba.NET made
/// segmentation most of a long message's prediction time (regex splits, a substring per dictionary probe, boxed
/// dictionaries per Viterbi step). It cuts exactly the words jieba.NET 0.42.2 cuts — same blocks, word graph,
/// route (ties to the shorter word), HMM and tie-breaking — which a test checks on every held-out message, so models
/// trained before it predict the same. The files ship in the jieba.NET package and are copied beside the binary
/// (<c>Tickets/Classification/Jieba/</c>, see GridBot.Dialogs.csproj); they load on first use (about a second), so a
/// model without word features never pays for them.</remarks>
public static class ChineseWordSegmenter
{
    /// <summary>Where the dictionary files are, relative to the application's folder.</summary>
    public const string DictionaryFolder = "Tickets/Classification/Jieba";

    private static readonly Lazy<(JiebaDictionary Words, JiebaHmm Hmm)> Model = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Segments normalised text; punctuation and whitespace are dropped (they are in the character n-grams).</summary>
    public static string Segment(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (normalized.Length == 0)
        {
            return normalized;
        }

        var (words, hmm) = Model.Value;
        var sink = new WordSink(new StringBuilder(normalized.Length + (normalized.Length / 2)));
        var text = normalized.AsSpan();
        var i = 0;
        while (i < text.Length)
        {
            if (!InBlock(text[i]))
            {
                // Outside the blocks jieba cuts, every character is a token of its own.
                sink.Word(text.Slice(i++, 1));
                continue;
            }

            var start = i;
            while (i < text.Length && InBlock(text[i]))
            {
                i++;
            }

            CutBlock(text[start..i], words, hmm, ref sink);
        }

        return sink.ToString();
    }

    /// <summary>jieba's block characters: CJK U+4E00–U+9FD5, ASCII letters and digits, and + # &amp; . _ % -</summary>
    private static bool InBlock(char c) =>
        IsCjk(c) || IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '-';

    /// <summary>The most probable route through the block's word graph (computed from the end, as jieba does);
    /// runs of single characters on it go to the HMM unless the run is itself a word.</summary>
    private static void CutBlock(ReadOnlySpan<char> block, JiebaDictionary words, JiebaHmm hmm, ref WordSink sink)
    {
        var n = block.Length;
        var score = n < 256 ? stackalloc double[n + 1] : new double[n + 1];
        var end = n < 256 ? stackalloc int[n + 1] : new int[n + 1];
        score[n] = 0d;
        for (var i = n - 1; i >= 0; i--)
        {
            var best = double.MinValue;
            var bestEnd = -1;
            var node = 0;
            for (var j = i; j < n && (node = words.Child(node, block[j])) != 0; j++)
            {
                if (words.IsWord(node))
                {
                    var candidate = words.LogFrequency(node) - words.LogTotal + score[j + 1];
                    if (best < candidate)
                    {
                        best = candidate;
                        bestEnd = j;
                    }
                }
            }

            if (bestEnd < 0)
            {
                // No word starts here: the character alone, at jieba's default frequency 1 (log 1 = 0).
                best = 0d - words.LogTotal + score[i + 1];
                bestEnd = i;
            }

            score[i] = best;
            end[i] = bestEnd;
        }

        var singles = -1;
        for (var x = 0; x < n;)
        {
            var y = end[x] + 1;
            if (y - x == 1)
            {
                if (singles < 0)
                {
                    singles = x;
                }
            }
            else
            {
                if (singles >= 0)
                {
                    CutSingles(block[singles..x], words, hmm, ref sink);
                    singles = -1;
                }

                sink.Word(block[x..y]);
            }

            x = y;
        }

        if (singles >= 0)
        {
            CutSingles(block[singles..], words, hmm, ref sink);
        }
    }

    private static void CutSingles(ReadOnlySpan<char> run, JiebaDictionary words, JiebaHmm hmm, ref WordSink sink)
    {
        if (run.Length == 1)
        {
            sink.Word(run);
        }
        else if (words.ContainsWord(run))
        {
            foreach (ref readonly var c in run)
            {
                sink.Word(new ReadOnlySpan<char>(in c));
            }
        }
        else
        {
            CutUnknown(run, hmm, ref sink);
        }
    }

    /// <summary>jieba's final cut: CJK runs (U+4E00–U+9FD5) by the HMM; between them, ASCII letter-digit runs with an
    /// optional decimal part and per cent sign (3.5%, a5) are tokens, and so is whatever lies between those.</summary>
    private static void CutUnknown(ReadOnlySpan<char> run, JiebaHmm hmm, ref WordSink sink)
    {
        var i = 0;
        while (i < run.Length)
        {
            var start = i;
            var cjk = IsCjk(run[i]);
            while (i < run.Length && IsCjk(run[i]) == cjk)
            {
                i++;
            }

            if (cjk)
            {
                hmm.Cut(run[start..i], ref sink);
            }
            else
            {
                CutOther(run[start..i], ref sink);
            }
        }
    }

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FD5';

    /// <summary>Splits on <c>[a-zA-Z0-9]+(?:\.\d+)?%?</c> keeping both the matches and the text between them.</summary>
    private static void CutOther(ReadOnlySpan<char> piece, ref WordSink sink)
    {
        var between = 0;
        var i = 0;
        while (i < piece.Length)
        {
            var length = MatchAt(piece, i);
            if (length == 0)
            {
                i++;
                continue;
            }

            if (between < i)
            {
                sink.Word(piece[between..i]);
            }

            sink.Word(piece.Slice(i, length));
            i += length;
            between = i;
        }

        if (between < piece.Length)
        {
            sink.Word(piece[between..]);
        }
    }

    private static int MatchAt(ReadOnlySpan<char> piece, int i)
    {
        var end = i;
        while (end < piece.Length && IsAsciiLetterOrDigit(piece[end]))
        {
            end++;
        }

        if (end == i)
        {
            return 0;
        }

        if (end + 1 < piece.Length && piece[end] == '.' && char.IsDigit(piece[end + 1]))
        {
            end += 2;
            while (end < piece.Length && char.IsDigit(piece[end]))
            {
                end++;
            }
        }

        if (end < piece.Length && piece[end] == '%')
        {
            end++;
        }

        return end - i;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static (JiebaDictionary, JiebaHmm) Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, DictionaryFolder);
        if (!File.Exists(Path.Combine(folder, "dict.txt")))
        {
            throw new InvalidDataException($"jieba dictionary not found in {folder} (it is copied there from the jieba.NET package at build).");
        }

        return (JiebaDictionary.Load(Path.Combine(folder, "dict.txt")),
            JiebaHmm.Load(Path.Combine(folder, "prob_emit.json"), Path.Combine(folder, "prob_trans.json")));
    }
}

using System.Text.Json;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>jieba's hidden Markov model for runs of characters the dictionary does not cover (B/M/E/S: begin,
/// middle, end of a word, single-character word), with <c>prob_emit.json</c> and <c>prob_trans.json</c>.</summary>
/// <remarks>Same states, order, start probabilities, floor and tie-breaking as jieba.NET's Viterbi, so it cuts the
/// same words. The emission table is one dense array, a character's four states side by side: one cache line per
/// character instead of four dictionary lookups.</remarks>
internal sealed class JiebaHmm
{
    private const int B = 0, M = 1, E = 2, S = 3;
    private const double MinProbability = -3.14e100;

    // jieba's start probabilities, and which states may precede each state (in jieba's order: it breaks ties).
    private static readonly double[] Start = [-0.26268660809250016, MinProbability, MinProbability, -1.4652633398537678];
    private static readonly int[][] Previous = [[E, S], [M, B], [B, M], [S, E]];
    private static readonly char[] StateNames = ['B', 'M', 'E', 'S'];

    private readonly double[] _emission;
    private readonly double[,] _transition;

    private JiebaHmm(double[] emission, double[,] transition)
    {
        _emission = emission;
        _transition = transition;
    }

    public static JiebaHmm Load(string emitPath, string transPath)
    {
        var emitJson = Read(emitPath);
        var emission = new double[(char.MaxValue + 1) * 4];
        Array.Fill(emission, MinProbability);
        for (var state = 0; state < 4; state++)
        {
            if (emitJson.TryGetValue(StateNames[state].ToString(), out var table))
            {
                foreach (var (key, value) in table)
                {
                    emission[(key[0] * 4) + state] = value;
                }
            }
        }

        var transJson = Read(transPath);
        var transition = new double[4, 4];
        for (var from = 0; from < 4; from++)
        {
            for (var to = 0; to < 4; to++)
            {
                transition[from, to] = transJson.TryGetValue(StateNames[from].ToString(), out var row)
                    && row.TryGetValue(StateNames[to].ToString(), out var value) ? value : MinProbability;
            }
        }

        return new JiebaHmm(emission, transition);
    }

    /// <summary>Cuts a run of CJK characters (U+4E00–U+9FD5) into words, handing each to <paramref name="sink"/>.</summary>
    public void Cut(ReadOnlySpan<char> run, ref WordSink sink)
    {
        var n = run.Length;
        Span<double> scores = stackalloc double[4];
        Span<double> next = stackalloc double[4];
        var back = n <= 256 ? stackalloc byte[n * 4] : new byte[n * 4];
        for (var state = 0; state < 4; state++)
        {
            scores[state] = Start[state] + _emission[(run[0] * 4) + state];
        }

        for (var i = 1; i < n; i++)
        {
            for (var state = 0; state < 4; state++)
            {
                var emit = _emission[(run[i] * 4) + state];
                var best = double.MinValue;
                var from = 0;
                foreach (var previous in Previous[state])
                {
                    var score = scores[previous] + _transition[previous, state] + emit;
                    if (best <= score)
                    {
                        best = score;
                        from = previous;
                    }
                }

                next[state] = best;
                back[(i * 4) + state] = (byte)from;
            }

            next.CopyTo(scores);
        }

        // Walk the best path back into one state per character.
        var states = n <= 256 ? stackalloc byte[n] : new byte[n];
        var last = scores[E] < scores[S] ? S : E;
        for (var i = n - 1; i >= 0; i--)
        {
            states[i] = (byte)last;
            last = back[(i * 4) + last];
        }

        int begin = 0, done = 0;
        for (var i = 0; i < n; i++)
        {
            switch (states[i])
            {
                case B:
                    begin = i;
                    break;
                case E:
                    sink.Word(run[begin..(i + 1)]);
                    done = i + 1;
                    break;
                case S:
                    sink.Word(run.Slice(i, 1));
                    done = i + 1;
                    break;
            }
        }

        if (done < n)
        {
            sink.Word(run[done..]);
        }
    }

    private static Dictionary<string, Dictionary<string, double>> Read(string path)
    {
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(file)
            ?? throw new InvalidDataException($"{path} is empty.");
    }
}

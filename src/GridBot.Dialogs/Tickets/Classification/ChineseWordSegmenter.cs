using System.Text;
using JiebaNet.Segmenter;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Words for the word n-gram features: jieba.NET (precise mode with its HMM for unknown words) over the
/// normalised text, joined by spaces so ML.NET's word tokenizer splits them back.</summary>
/// <remarks>The dictionary ships in the jieba.NET package and is copied beside the binary
/// (<c>Tickets/Classification/Jieba/</c>, see GridBot.Dialogs.csproj); it loads on first use (about a second), so a
/// model without word features never pays for it.</remarks>
public static class ChineseWordSegmenter
{
    /// <summary>Where the dictionary files are, relative to the application's folder.</summary>
    public const string DictionaryFolder = "Tickets/Classification/Jieba";

    private static readonly Lazy<JiebaSegmenter> Segmenter = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Segments normalised text; punctuation and whitespace are dropped (they are in the character n-grams).</summary>
    public static string Segment(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (normalized.Length == 0)
        {
            return normalized;
        }

        var text = new StringBuilder(normalized.Length + (normalized.Length / 2));
        foreach (var word in Segmenter.Value.Cut(normalized, cutAll: false, hmm: true))
        {
            if (!IsWord(word))
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(word);
        }

        return text.ToString();
    }

    private static bool IsWord(string token)
    {
        foreach (var c in token)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static JiebaSegmenter Create()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, DictionaryFolder);
        if (!File.Exists(Path.Combine(folder, "dict.txt")))
        {
            throw new InvalidDataException($"jieba dictionary not found in {folder} (it is copied there from the jieba.NET package at build).");
        }

        // jieba.NET reads its files from one process-wide folder; GridBot is its only user.
        ConfigManager.ConfigFileBaseDir = folder;
        return new JiebaSegmenter();
    }
}

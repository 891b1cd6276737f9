using CsCheck;
using GridBot.Dialogs.Csv;

namespace GridBot.Dialogs.Tests.Properties;

/// <summary>The CSV scanner behind grid imports and training files: what a writer quotes, it reads back; junk never throws.</summary>
public sealed class CsvScannerPropertyTests
{
    private static readonly Gen<string> Field = Gen.Char["楼道灯坏了,\"\r\n ab1😀"].Array[0, 12].Select(c => new string(c));

    private static readonly Gen<string[][]> Records = Field.Array[1, 5].Array[1, 8];

    [Fact]
    public void EveryRecordAWriterQuotesIsReadBackFieldForField() =>
        Records.Sample(records =>
        {
            var text = string.Join("\r\n", records.Select(r => string.Join(',', r.Select(Quote))));
            var scanner = new CsvScanner(text);
            var read = new List<CsvScannedRecord>();
            while (scanner.TryRead(out var record))
            {
                read.Add(record);
            }

            return read.Count == records.Length
                && read.All(r => r.Problem == CsvProblem.None)
                && read.Zip(records).All(pair => pair.First.Fields.SequenceEqual(pair.Second));
        });

    [Fact]
    public void AnyTextIsScannedToTheEndWithoutThrowing() =>
        Gen.String.Sample(text =>
        {
            var scanner = new CsvScanner(text);
            var records = 0;
            while (scanner.TryRead(out var record))
            {
                // Every record consumes input, so a file of n characters has at most n + 1 records.
                if (++records > text.Length + 1 || record.Line < 1)
                {
                    return false;
                }
            }

            return true;
        });

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

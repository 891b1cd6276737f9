using System.Text;
using CsCheck;
using GridBot.Host.Import;

namespace GridBot.Host.Tests.Properties;

/// <summary>The grid import readers on any bytes: rows or line-numbered errors, never an exception past the importer.</summary>
public sealed class ImportReaderPropertyTests
{
    // Every error names the file and a line that exists (0 = the whole file); a file cannot hold more rows than bytes.
    private static bool Explained(ImportBatch batch, string file, int length) =>
        batch.Rows.Count <= length && batch.Errors().All(e => e.File == file && e.Line >= 0 && e.Line <= length + 1 && e.Message.Length > 0);

    private static readonly Gen<byte[]> Content = Gen.OneOf(
        Gen.Byte.Array[0, 400],
        Gen.Char["{}[]\",:grids chats members code name parent 网格 \r\n\\0123"].Array[0, 300].Select(c => Encoding.UTF8.GetBytes(c)),
        Gen.Char["\",\r\n编码名称上级 code,name,parent"].Array[0, 300].Select(c => Encoding.UTF8.GetBytes(c)));

    [Fact]
    public void JsonAndCsvReadersReportJunkAsErrors() =>
        Content.Sample(bytes =>
        {
            var json = new ImportBatch();
            JsonImportReader.Read("p.json", bytes, json);
            var csv = new ImportBatch();
            CsvImportReader.Read("p.csv", bytes, csv);
            return Explained(json, "p.json", bytes.Length) && Explained(csv, "p.csv", bytes.Length);
        });

    [Fact]
    public void TheXlsxReaderReportsJunkAsAnError() =>
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            var batch = new ImportBatch();
            XlsxImportReader.Read("p.xlsx", bytes, batch);
            return batch.HasErrors;
        });
}

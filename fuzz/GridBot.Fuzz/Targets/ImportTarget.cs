using GridBot.Host.Import;

namespace GridBot.Fuzz.Targets;

/// <summary>
/// A grid data file through its reader into an ImportBatch, then the validator the importer runs on the batch
/// (against an empty database): every problem must come back as a line-numbered error, never as an exception.
/// </summary>
internal static class ImportTarget
{
    public static void Json(byte[] input) => ReadAndValidate("fuzz.json", input, JsonImportReader.Read);

    public static void Csv(byte[] input) => ReadAndValidate("fuzz.csv", input, CsvImportReader.Read);

    public static void Xlsx(byte[] input) => ReadAndValidate("fuzz.xlsx", input, XlsxImportReader.Read);

    private static void ReadAndValidate(string file, byte[] input, Action<string, byte[], ImportBatch> read)
    {
        var batch = new ImportBatch();
        read(file, input, batch);
        _ = new ImportValidator(batch, new Dictionary<string, string?>(StringComparer.Ordinal), new Dictionary<string, GridBot.Store.Grids.GridLevel>(StringComparer.Ordinal)).Validate();
    }
}

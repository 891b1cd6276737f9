using GridBot.Fuzz.Targets;

namespace GridBot.Fuzz;

/// <summary>
/// Every fuzzed input surface by the name `fuzz/run.sh` takes. A target catches exactly what its production caller
/// catches and turns into an answer; anything else escapes, so AFL records it as a crash.
/// </summary>
internal static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["wecom-json"] = WeComJsonTarget.Run,
        ["wecom-xml"] = WeComXmlTarget.Run,
        ["wecom-decrypt"] = WeComDecryptTarget.Run,
        ["activity-json"] = ActivityJsonTarget.Run,
        ["command"] = CommandTarget.Run,
        ["place"] = PlaceTarget.Run,
        ["import-json"] = ImportTarget.Json,
        ["import-csv"] = ImportTarget.Csv,
        ["import-xlsx"] = ImportTarget.Xlsx,
    };
}

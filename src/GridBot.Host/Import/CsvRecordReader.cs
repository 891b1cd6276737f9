using GridBot.Dialogs.Csv;

namespace GridBot.Host.Import;

/// <summary>
/// The import's view of a CSV file (<see cref="CsvScanner"/> does the RFC 4180 part): blank lines dropped, a quote in an
/// unquoted field kept as text, and the first malformed record stops the import with its line and a Chinese reason.
/// </summary>
internal static class CsvRecordReader
{
    /// <summary>Reads every record, or stops at the first malformed one and says where.</summary>
    public static bool TryRead(string text, List<CsvRecord> records, out int errorLine, out string? error)
    {
        var scanner = new CsvScanner(text);
        while (scanner.TryRead(out var record))
        {
            error = record.Problem switch
            {
                CsvProblem.UnclosedQuote => "引号未闭合：从此行开始的带引号字段直到文件末尾都没有结束引号",
                CsvProblem.TextAfterClosingQuote => "结束引号后只能是逗号或换行（字段内的引号要写成两个 \"\"）",
                _ => null,
            };
            if (error is not null)
            {
                errorLine = record.ProblemLine;
                return false;
            }

            // Blank lines are dropped here rather than later: 50 MB of newlines must not become 50 million records.
            if (record.Fields is not [""])
            {
                if (records.Count > ImportLimits.MaxRows)
                {
                    errorLine = record.Line;
                    error = $"超过 {ImportLimits.MaxRows:N0} 行的上限，请分批导入";
                    return false;
                }

                records.Add(new CsvRecord(record.Line, record.Fields));
            }
        }

        errorLine = 0;
        error = null;
        return true;
    }
}

using System.Text;

namespace GridBot.Host.Import;

/// <summary>
/// RFC 4180 records: comma separated, fields optionally quoted, "" for a quote inside quotes, CRLF or LF (or a lone CR)
/// between records. Hand-written because a malformed file must become a line-numbered error, not a guess.
/// </summary>
internal static class CsvRecordReader
{
    /// <summary>Reads every record, or stops at the first malformed one and says where.</summary>
    public static bool TryRead(string text, List<CsvRecord> records, out int errorLine, out string? error)
    {
        var position = 0;
        var line = 1;
        var field = new StringBuilder();
        while (position < text.Length)
        {
            var recordLine = line;
            var fields = new List<string>();
            while (true)
            {
                field.Clear();
                if (position < text.Length && text[position] == '"')
                {
                    var quoteLine = line;
                    position++;
                    while (true)
                    {
                        if (position >= text.Length)
                        {
                            errorLine = quoteLine;
                            error = "引号未闭合：从此行开始的带引号字段直到文件末尾都没有结束引号";
                            return false;
                        }

                        var c = text[position];
                        if (c == '"')
                        {
                            if (position + 1 < text.Length && text[position + 1] == '"')
                            {
                                field.Append('"');
                                position += 2;
                                continue;
                            }

                            position++;
                            break;
                        }

                        if (c == '\n' || (c == '\r' && (position + 1 >= text.Length || text[position + 1] != '\n')))
                        {
                            line++;
                        }

                        field.Append(c);
                        position++;
                    }

                    if (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                    {
                        errorLine = line;
                        error = "结束引号后只能是逗号或换行（字段内的引号要写成两个 \"\"）";
                        return false;
                    }
                }
                else
                {
                    // A quote inside an unquoted field is kept as text: Excel writes such files and the meaning is plain.
                    while (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                    {
                        field.Append(text[position]);
                        position++;
                    }
                }

                fields.Add(field.ToString());
                if (position < text.Length && text[position] == ',')
                {
                    position++;
                    continue;
                }

                break;
            }

            if (position < text.Length)
            {
                position += text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                line++;
            }

            // Blank lines are dropped here rather than later: 50 MB of newlines must not become 50 million records.
            if (fields is not [""])
            {
                if (records.Count > ImportLimits.MaxRows)
                {
                    errorLine = recordLine;
                    error = $"超过 {ImportLimits.MaxRows:N0} 行的上限，请分批导入";
                    return false;
                }

                records.Add(new CsvRecord(recordLine, fields));
            }
        }

        errorLine = 0;
        error = null;
        return true;
    }
}

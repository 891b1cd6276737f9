using System.Text;
using GridBot.Dialogs.Csv;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Reads (text, label) rows from RFC 4180 CSV: a header row, comma separators, fields
/// optionally in double quotes with "" for a quote, line breaks inside quoted fields, CRLF or LF,
/// an optional UTF-8 BOM. Bad rows are reported with the line they start on and skipped, so a
/// staff member's spreadsheet export can be fixed in one pass.</summary>
public sealed class CsvLabelledReader
{
    public CsvLabelledReader(string textColumn = "text", string labelColumn = "label")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(textColumn);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumn);
        TextColumn = textColumn;
        LabelColumn = labelColumn;
    }

    public string TextColumn { get; }

    public string LabelColumn { get; }

    public CsvReadResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // detectEncodingFromByteOrderMarks strips a UTF-8 (or UTF-16) BOM.
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    public CsvReadResult Read(TextReader reader, string source = "csv")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var content = reader.ReadToEnd();
        var rows = new List<LabelledText>();
        var errors = new List<CsvRowError>();
        var scanner = new CsvScanner(content);
        int textIndex = -1, labelIndex = -1, columnCount = 0;
        var headerSeen = false;

        while (scanner.TryRead(out var record))
        {
            var (fields, line, error) = (record.Fields, record.Line, Describe(record));
            if (error is not null)
            {
                errors.Add(new CsvRowError(line, error));
                if (!headerSeen)
                {
                    // Without a header nothing else can be interpreted.
                    break;
                }

                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            if (!headerSeen)
            {
                headerSeen = true;
                columnCount = fields.Count;
                textIndex = IndexOf(fields, TextColumn);
                labelIndex = IndexOf(fields, LabelColumn);
                if (textIndex < 0 || labelIndex < 0)
                {
                    var missing = textIndex < 0 ? TextColumn : LabelColumn;
                    errors.Add(new CsvRowError(line, $"header has no column '{missing}' (found: {string.Join(", ", fields)})"));
                    break;
                }

                continue;
            }

            if (fields.Count != columnCount)
            {
                errors.Add(new CsvRowError(line, $"expected {columnCount} fields, found {fields.Count}"));
                continue;
            }

            var text = fields[textIndex];
            var label = fields[labelIndex].Trim();
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(new CsvRowError(line, $"empty '{TextColumn}'"));
                continue;
            }

            if (label.Length == 0)
            {
                errors.Add(new CsvRowError(line, $"empty '{LabelColumn}'"));
                continue;
            }

            rows.Add(new LabelledText(text, label));
        }

        if (!headerSeen && errors.Count == 0)
        {
            errors.Add(new CsvRowError(1, "the file is empty: a header row is required"));
        }

        return new CsvReadResult(source, rows, errors);
    }

    private static string? Describe(CsvScannedRecord record) => record.Problem switch
    {
        CsvProblem.UnclosedQuote => $"quoted field opened on line {record.ProblemLine} is never closed",
        CsvProblem.TextAfterClosingQuote => "unexpected text after a closing quote (a quote inside a quoted field must be doubled)",
        CsvProblem.QuoteInUnquotedField => "a quote inside an unquoted field (quote the whole field and double the quote)",
        _ => null,
    };

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}

using System.Text;

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
        if (content.Length > 0 && content[0] == '\uFEFF')
        {
            content = content[1..];
        }

        var rows = new List<LabelledText>();
        var errors = new List<CsvRowError>();
        var parser = new Parser(content);
        int textIndex = -1, labelIndex = -1, columnCount = 0;
        var headerSeen = false;

        while (parser.TryReadRecord(out var fields, out var line, out var error))
        {
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

    private static int IndexOf(List<string> header, string name)
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

    /// <summary>Record-at-a-time RFC 4180 scanner that tracks physical line numbers.</summary>
    private sealed class Parser(string content)
    {
        private readonly StringBuilder _field = new();
        private readonly List<string> _fields = [];
        private int _position;
        private int _line = 1;

        public bool TryReadRecord(out List<string> fields, out int startLine, out string? error)
        {
            fields = _fields;
            startLine = _line;
            error = null;
            _fields.Clear();
            if (_position >= content.Length)
            {
                return false;
            }

            while (true)
            {
                _field.Clear();
                if (_position < content.Length && content[_position] == '"')
                {
                    var quoteLine = _line;
                    _position++;
                    var closed = false;
                    while (_position < content.Length)
                    {
                        var c = content[_position];
                        if (c == '"')
                        {
                            if (_position + 1 < content.Length && content[_position + 1] == '"')
                            {
                                _field.Append('"');
                                _position += 2;
                                continue;
                            }

                            _position++;
                            closed = true;
                            break;
                        }

                        if (c == '\n')
                        {
                            _line++;
                        }

                        _field.Append(c);
                        _position++;
                    }

                    if (!closed)
                    {
                        error = $"quoted field opened on line {quoteLine} is never closed";
                        return true;
                    }

                    if (_position < content.Length && content[_position] is not (',' or '\r' or '\n'))
                    {
                        error = $"unexpected '{content[_position]}' after a closing quote (a quote inside a quoted field must be doubled)";
                        SkipRestOfLine();
                        return true;
                    }
                }
                else
                {
                    while (_position < content.Length && content[_position] is not (',' or '\r' or '\n'))
                    {
                        if (content[_position] == '"')
                        {
                            error ??= "a quote inside an unquoted field (quote the whole field and double the quote)";
                        }

                        _field.Append(content[_position]);
                        _position++;
                    }
                }

                _fields.Add(_field.ToString());
                if (_position < content.Length && content[_position] == ',')
                {
                    _position++;
                    continue;
                }

                ConsumeLineBreak();
                return true;
            }
        }

        private void ConsumeLineBreak()
        {
            if (_position >= content.Length)
            {
                return;
            }

            if (content[_position] == '\r')
            {
                _position++;
            }

            if (_position < content.Length && content[_position] == '\n')
            {
                _position++;
            }

            _line++;
        }

        private void SkipRestOfLine()
        {
            while (_position < content.Length && content[_position] is not ('\r' or '\n'))
            {
                _position++;
            }

            ConsumeLineBreak();
        }
    }
}

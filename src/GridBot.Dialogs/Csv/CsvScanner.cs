using System.Text;

namespace GridBot.Dialogs.Csv;

/// <summary>What was wrong with a record, if anything; what it means is the caller's to decide.</summary>
public enum CsvProblem
{
    None,

    /// <summary>A quoted field runs to the end of the file; the record holds what was read.</summary>
    UnclosedQuote,

    /// <summary>A closing quote is followed by something other than a comma or a line break; the rest of the line is skipped.</summary>
    TextAfterClosingQuote,

    /// <summary>A quote inside an unquoted field; the field keeps it as text (Excel writes such files).</summary>
    QuoteInUnquotedField,
}

/// <summary>One record: the physical line it starts on, its fields, and the problem found in it (with where).</summary>
public sealed record CsvScannedRecord(int Line, IReadOnlyList<string> Fields, CsvProblem Problem, int ProblemLine);

/// <summary>
/// RFC 4180, one record at a time: comma separated, fields optionally quoted with "" for a quote, line breaks inside
/// quoted fields, CRLF, LF or a lone CR between records, a leading UTF-8 BOM ignored. Hand-written because a malformed
/// file must become a line-numbered problem the caller reports, not a guess; the grid importer and the classifier's
/// training reader share it and differ only in what they do about a problem.
/// </summary>
public sealed class CsvScanner
{
    private readonly string _content;
    private readonly StringBuilder _field = new();
    private int _position;
    private int _line = 1;

    public CsvScanner(string content) => _content = content.Length > 0 && content[0] == '\uFEFF' ? content[1..] : content;

    /// <returns>False at the end of the content.</returns>
    public bool TryRead(out CsvScannedRecord record)
    {
        record = null!;
        if (_position >= _content.Length)
        {
            return false;
        }

        var startLine = _line;
        var fields = new List<string>();
        var (problem, problemLine) = (CsvProblem.None, 0);
        while (true)
        {
            _field.Clear();
            if (Peek() == '"')
            {
                var quoteLine = _line;
                _position++;
                if (!ReadQuoted())
                {
                    fields.Add(_field.ToString());
                    record = new CsvScannedRecord(startLine, fields, CsvProblem.UnclosedQuote, quoteLine);
                    return true;
                }

                if (_position < _content.Length && Peek() is not (',' or '\r' or '\n'))
                {
                    (problem, problemLine) = (CsvProblem.TextAfterClosingQuote, _line);
                    while (_position < _content.Length && Peek() is not ('\r' or '\n'))
                    {
                        _position++;
                    }
                }
            }
            else
            {
                while (_position < _content.Length && Peek() is not (',' or '\r' or '\n'))
                {
                    if (Peek() == '"' && problem == CsvProblem.None)
                    {
                        (problem, problemLine) = (CsvProblem.QuoteInUnquotedField, _line);
                    }

                    _field.Append(_content[_position++]);
                }
            }

            fields.Add(_field.ToString());
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            ConsumeLineBreak();
            record = new CsvScannedRecord(startLine, fields, problem, problemLine);
            return true;
        }
    }

    private char Peek() => _position < _content.Length ? _content[_position] : '\0';

    /// <returns>False when the file ends before the closing quote.</returns>
    private bool ReadQuoted()
    {
        while (_position < _content.Length)
        {
            var c = _content[_position];
            if (c == '"')
            {
                if (_position + 1 < _content.Length && _content[_position + 1] == '"')
                {
                    _field.Append('"');
                    _position += 2;
                    continue;
                }

                _position++;
                return true;
            }

            if (c == '\n' || (c == '\r' && (_position + 1 >= _content.Length || _content[_position + 1] != '\n')))
            {
                _line++;
            }

            _field.Append(c);
            _position++;
        }

        return false;
    }

    private void ConsumeLineBreak()
    {
        if (_position >= _content.Length)
        {
            return;
        }

        _position += _content[_position] == '\r' && _position + 1 < _content.Length && _content[_position + 1] == '\n' ? 2 : 1;
        _line++;
    }
}

namespace GridBot.Host.Import;

/// <summary>Everything read from the files of one import, with the errors found so far; capped so a bad file stays readable.</summary>
internal sealed class ImportBatch
{
    private readonly List<ImportRow> _rows = [];
    private readonly List<ImportError> _errors = [];
    private readonly Dictionary<string, int> _fileOrder = new(StringComparer.Ordinal);
    private int _suppressed;
    private bool _rowLimitReported;

    public IReadOnlyList<ImportRow> Rows => _rows;

    public bool HasErrors => _errors.Count > 0;

    public void Add(ImportRow row)
    {
        if (_rows.Count < ImportLimits.MaxRows)
        {
            _rows.Add(row);
        }
        else if (!_rowLimitReported)
        {
            Error(row.File, row.Line, $"超过 {ImportLimits.MaxRows:N0} 行的上限，请分批导入");
            _rowLimitReported = true;
        }
    }

    /// <summary>Registers a file (or sheet) so its errors are listed in the order the files were given.</summary>
    public void AddFile(string file) => _fileOrder.TryAdd(file, _fileOrder.Count);

    public void Error(string file, int line, string message)
    {
        if (_errors.Count < ImportLimits.MaxErrors)
        {
            _errors.Add(new ImportError(file, line, message));
        }
        else
        {
            _suppressed++;
        }
    }

    public void Error(ImportRow row, string message) => Error(row.File, row.Line, row.Prefix + message);

    /// <summary>Errors by file (in the order files were given) then line, however the checks found them.</summary>
    public IReadOnlyList<ImportError> Errors()
    {
        var sorted = _errors.OrderBy(e => _fileOrder.GetValueOrDefault(e.File, int.MaxValue)).ThenBy(e => e.Line).ToList();
        if (_suppressed > 0)
        {
            sorted.Add(new ImportError("", 0, $"另有 {_suppressed} 处错误未列出"));
        }

        return sorted;
    }
}

namespace GridBot.Dialogs.Calendar;

/// <summary>A holiday data file that cannot be used; the message names the file and the problem.</summary>
public sealed class HolidayDataException(string fileName, string problem, Exception? innerException = null)
    : Exception($"Holiday data file '{fileName}' is malformed: {problem}", innerException)
{
    /// <summary>The file (path or embedded resource name) that was rejected.</summary>
    public string FileName { get; } = fileName;
}

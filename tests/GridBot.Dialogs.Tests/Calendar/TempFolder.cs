namespace GridBot.Dialogs.Tests.Calendar;

/// <summary>A folder of holiday files owned by one test and deleted after it.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("gridbot-calendar-").FullName;
    }

    public string Path { get; }

    public string Write(string fileName, string contents)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(file, contents);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

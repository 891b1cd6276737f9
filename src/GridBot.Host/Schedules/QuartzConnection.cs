using Microsoft.Data.Sqlite;

namespace GridBot.Host.Schedules;

/// <summary>
/// Quartz keeps its triggers in its own SQLite file beside the bot's ("gridbot.db" → "gridbot.quartz.db") unless
/// ConnectionStrings:Quartz says otherwise. Its own file because Quartz takes SQLite's single write lock on every
/// fire to acquire and release triggers; in a separate file those writes never queue behind a turn's commit (or the
/// other way round), and the EF migrations keep owning the bot's schema alone.
/// </summary>
public static class QuartzConnection
{
    public static string Resolve(IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Quartz") is { Length: > 0 } own)
        {
            return own;
        }

        var bot = new SqliteConnectionStringBuilder(configuration.GetConnectionString("GridBot") ?? "Data Source=data/gridbot.db");
        var source = bot.DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".";
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, Path.GetFileNameWithoutExtension(source) + ".quartz.db"),
            Pooling = true,
        }.ToString();
    }
}

using GridBot.Store.Configuration;
using Microsoft.Data.Sqlite;

namespace GridBot.Host.Schedules;

/// <summary>
/// Where Quartz keeps its triggers unless ConnectionStrings:Quartz says otherwise. On SQLite: its own file beside the
/// bot's ("gridbot.db" → "gridbot.quartz.db"), because Quartz takes SQLite's single write lock on every fire to
/// acquire and release triggers; in a separate file those writes never queue behind a turn's commit (or the other way
/// round), and the EF migrations keep owning the bot's schema alone. On PostgreSQL: the bot's own database (its
/// qrtz_ tables beside the bot's), since row locks do not queue behind each other like SQLite's one writer.
/// </summary>
public static class QuartzConnection
{
    public static string Resolve(IConfiguration configuration, DatabaseProvider provider)
    {
        if (configuration.GetConnectionString("Quartz") is { Length: > 0 } own)
        {
            return own;
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            return configuration.GetConnectionString("GridBot") ?? "";
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

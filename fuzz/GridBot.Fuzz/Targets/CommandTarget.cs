using System.Text;
using GridBot.Dialogs;
using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Reminders;
using GridBot.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GridBot.Fuzz.Targets;

/// <summary>
/// A chat line through the command parser with the real command table (every command as the host registers it),
/// then the ticket-reference split every ticket command starts with.
/// </summary>
internal static class CommandTarget
{
    private static readonly CommandParser Parser = CreateParser();

    public static void Run(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        if (Parser.Parse(text) is CommandParse.Command command)
        {
            _ = command.Invocation.TakeReference();
        }
    }

    private static CommandParser CreateParser()
    {
        // As the host composes them (CliHost adds the same three); the commands are built but never run: the database is never opened, and the host never starts.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:GridBot"] = "Data Source=:memory:",
            ["Classifier:Enabled"] = "false",
        });
        builder.AddGridBotStore();
        builder.AddGridBotDialogs();
        builder.Services.AddReminders(builder.Configuration);
        var services = builder.Services.BuildServiceProvider();
        return services.CreateScope().ServiceProvider.GetRequiredService<CommandParser>();
    }
}

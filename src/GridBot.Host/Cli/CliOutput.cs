using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GridBot.Host.Endpoints;
using Spectre.Console;

namespace GridBot.Host.Cli;

/// <summary>
/// Where verbs write: tables and messages on standard output through Spectre.Console (plain text when redirected),
/// JSON through the API's serializer, and errors on standard error.
/// </summary>
internal static class CliOutput
{
    /// <summary>A console over today's <see cref="Console.Out"/>, made per run so a redirected writer is honoured.</summary>
    public static IAnsiConsole Out()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        // Redirected output has no terminal width and Spectre would wrap every table at 80 columns: a file or a pipe
        // gets the rows whole instead.
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    private const int RedirectedWidth = 200;

    /// <summary>The API's options, indented for a person; only the API's context, so a shape it lacks fails loudly.</summary>
    private static readonly JsonSerializerOptions JsonOptions = CreateJsonOptions();

    public static void Json<T>(T value) =>
        Console.Out.WriteLine(JsonSerializer.Serialize(value, (JsonTypeInfo<T>)JsonOptions.GetTypeInfo(typeof(T))));

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        ApiJson.Configure(options);
        return options;
    }

    public static int Error(string message)
    {
        Console.Error.WriteLine(message);
        return CliExit.Failed;
    }

    public static int Usage(string message)
    {
        Console.Error.WriteLine(message);
        return CliExit.Usage;
    }

    /// <summary>A table with Chinese headers, no colour needed to read it.</summary>
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header))); // plain text: "[1]" is a header, not markup
        }

        return table;
    }

    /// <summary>A row of plain text: names and codes are never read as Spectre markup.</summary>
    public static void Row(this Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c ?? "")).ToArray());
}

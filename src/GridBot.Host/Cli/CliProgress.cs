using Spectre.Console;

namespace GridBot.Host.Cli;

/// <summary>
/// Progress of long work on standard error (standard output keeps the table or the JSON clean). When standard error is
/// redirected (a script, a test, a log file) nothing is drawn at all.
/// </summary>
internal static class CliProgress
{
    private static bool Shown => !Console.IsErrorRedirected;

    /// <summary>A bar with done/total; <paramref name="work"/> reports (done, total) as it goes.</summary>
    public static async Task<T> BarAsync<T>(string description, Func<Action<long, long>, Task<T>> work)
    {
        if (!Shown)
        {
            return await work((_, _) => { });
        }

        T result = default!;
        await Error().Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description));
                result = await work((done, total) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = Math.Min(done, task.MaxValue);
                });
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>A spinner with a status line (counts so far) for work whose total is not known up front.</summary>
    public static async Task<T> SpinnerAsync<T>(string status, Func<Action<string>, Task<T>> work)
    {
        if (!Shown)
        {
            return await work(_ => { });
        }

        return await Error().Status().StartAsync(Markup.Escape(status), context => work(text => context.Status(Markup.Escape(text))));
    }

    private static IAnsiConsole Error() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>"12000/23000" beside the bar.</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{task.Value:0}/{task.MaxValue:0}");
    }
}

using GridBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.Schedules;

/// <summary>Runs a feature service in its own DI scope of the real host, as a Quartz job would.</summary>
internal static class ScheduleScope
{
    public static async Task<TResult> RunAsync<TService, TResult>(this GridBotTestHost host, Func<TService, Task<TResult>> run)
        where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

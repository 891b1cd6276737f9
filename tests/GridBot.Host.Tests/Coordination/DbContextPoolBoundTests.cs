using GridBot.Host.Tests.Infrastructure;
using GridBot.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.Coordination;

/// <summary>The context pool keeps at most its size of idle contexts after a burst, so a load peak is not pinned for good.</summary>
public sealed class DbContextPoolBoundTests
{
    [Fact]
    public async Task AfterABurstWiderThanThePoolOnlyThePoolSizeOfContextsIsKept()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var burst = StoreHostingExtensions.ContextPoolSize + 72;

        var first = await RentAllAtOnceAsync(host.Services, burst);
        var second = await RentAllAtOnceAsync(host.Services, burst);

        var reused = second.Count(first.Contains);
        Assert.InRange(reused, 1, StoreHostingExtensions.ContextPoolSize);
    }

    /// <summary>Holds <paramref name="count"/> contexts at the same time, then gives them all back.</summary>
    private static async Task<HashSet<GridBotDbContext>> RentAllAtOnceAsync(IServiceProvider services, int count)
    {
        var scopes = Enumerable.Range(0, count).Select(_ => services.CreateAsyncScope()).ToList();
        var contexts = new HashSet<GridBotDbContext>(scopes.Select(s => s.ServiceProvider.GetRequiredService<GridBotDbContext>()), ReferenceEqualityComparer.Instance);
        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        return contexts;
    }
}

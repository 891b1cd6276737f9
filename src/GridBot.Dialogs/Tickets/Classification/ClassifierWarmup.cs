using Microsoft.Extensions.Hosting;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Loads or trains the model at start, so a bad model file stops the start and the first resident does not wait.</summary>
internal sealed class ClassifierWarmup(TicketClassifierProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.Run(() => _ = provider.Current, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Tickets;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Demo;

/// <summary>
/// The unit of work of consecutive ticket steps: one scope, one <see cref="TurnTransaction"/> (which the ticket number
/// needs, as in a chat turn), one commit. A month replayed a step per transaction would cost a commit per step at
/// every fresh demo start.
/// </summary>
internal sealed class DemoTicketBatch(IServiceScopeFactory scopes, ShanghaiTime clock) : IAsyncDisposable
{
    private readonly Dictionary<DemoStory, Ticket> _tickets = [];
    private AsyncServiceScope? _scope;
    private TurnTransaction? _turn;

    public GridBotDbContext Db { get; private set; } = null!;

    public TicketService Tickets { get; private set; } = null!;

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_scope is not null)
        {
            return;
        }

        var scope = scopes.CreateAsyncScope();
        _scope = scope;
        _turn = scope.ServiceProvider.GetRequiredService<TurnTransaction>();
        await _turn.BeginAsync(cancellationToken);
        Db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        Tickets = ActivatorUtilities.CreateInstance<TicketService>(scope.ServiceProvider, clock);
    }

    /// <summary>The story's ticket: the one this unit of work holds (opened or loaded in it), else loaded.</summary>
    public async Task<Ticket> TicketOfAsync(DemoStory story, CancellationToken cancellationToken)
    {
        if (!_tickets.TryGetValue(story, out var ticket))
        {
            ticket = await Db.Tickets.Include(t => t.Reporters).Include(t => t.Grid).SingleAsync(t => t.Id == story.TicketId, cancellationToken);
            _tickets[story] = ticket;
        }

        return ticket;
    }

    public void Hold(DemoStory story, Ticket ticket) => _tickets[story] = ticket;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_turn is null)
        {
            return;
        }

        await _turn.CommitAsync(cancellationToken);
        foreach (var (story, ticket) in _tickets)
        {
            story.TicketId = ticket.Id;
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _tickets.Clear();
        _turn = null;
        if (_scope is { } scope)
        {
            _scope = null;
            await scope.DisposeAsync();
        }
    }
}

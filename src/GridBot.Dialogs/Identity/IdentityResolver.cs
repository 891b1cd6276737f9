using GridBot.Dialogs.Core;
using GridBot.Store;
using GridBot.Store.Grids;

namespace GridBot.Dialogs.Identity;

/// <summary>
/// Maps (channel, conversation, user) to a grid and a role. In a bound group the strongest role whose grid
/// contains the group's grid wins; a stranger who speaks in a bound group becomes a resident of that grid. The binding
/// and the members come from memory (<see cref="ChatBindings"/>, <see cref="Memberships"/>), attached to this turn's
/// context; the resident added here commits with the turn, and that save makes the person's next turn read again.
/// </summary>
public sealed class IdentityResolver(GridBotDbContext db, ChatBindings bindings, Memberships memberships)
{
    public async Task<IdentityResolution> ResolveAsync(Activity activity, CancellationToken cancellationToken)
    {
        var channel = activity.ChannelId ?? "";
        var conversationId = activity.Conversation?.Id ?? "";
        var userId = activity.From?.Id ?? "";
        var name = string.IsNullOrWhiteSpace(activity.From?.Name) ? userId : activity.From!.Name!.Trim();
        if (name.Length > 64)
        {
            name = name[..64];
        }

        var chat = await bindings.FindAsync(db, channel, conversationId, cancellationToken);
        var members = await memberships.FindAsync(db, channel, userId, chat?.Grid, cancellationToken);

        if (chat is null)
        {
            if (activity.Conversation?.IsGroup == true)
            {
                return new IdentityResolution.UnboundGroup();
            }

            var strongest = members.OrderByDescending(m => m.Role).FirstOrDefault();
            return strongest is null
                ? new IdentityResolution.UnknownUser()
                : new IdentityResolution.Resolved(new TurnIdentity(channel, userId, strongest.Name, strongest.Role, strongest, strongest.Grid!, strongest.Grid!, null));
        }

        var grid = chat.Grid!;
        var covering = members.Where(m => GridScope.IsWithin(grid.Path, m.Grid!.Path))
            .OrderByDescending(m => m.Role)
            .FirstOrDefault();
        if (covering is null)
        {
            covering = new Member { Channel = channel, UserId = userId, Name = name, GridId = grid.Id, Grid = grid, Role = MemberRole.Resident };
            db.Members.Add(covering);
        }

        var scope = covering.Role.IsStaff() ? covering.Grid! : grid;
        return new IdentityResolution.Resolved(new TurnIdentity(channel, userId, covering.Name, covering.Role, covering, grid, scope, chat));
    }
}

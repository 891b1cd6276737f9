namespace GridBot.Store.Grids;

/// <summary>A group chat bound to a grid on one channel.</summary>
public sealed class Chat
{
    public int Id { get; set; }
    public required string Channel { get; set; }
    public required string ChatId { get; set; }
    public required string Name { get; set; }
    public int GridId { get; set; }
    public Grid? Grid { get; set; }
}

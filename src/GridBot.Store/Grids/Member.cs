namespace GridBot.Store.Grids;

/// <summary>A person with a role in one grid. Phone and ID number are stored in clear and masked on every way out.</summary>
public sealed class Member
{
    public int Id { get; set; }
    public required string Channel { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public string? IdNumber { get; set; }
    public int GridId { get; set; }
    public Grid? Grid { get; set; }
    public MemberRole Role { get; set; }
}

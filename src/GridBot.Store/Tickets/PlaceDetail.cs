namespace GridBot.Store.Tickets;

/// <summary>The parts of a place as the resident wrote them ("3号楼", "2单元", "502"); any may be missing.</summary>
public sealed record PlaceDetail
{
    public string? Estate { get; init; }
    public string? Road { get; init; }
    public string? Building { get; init; }
    public string? Unit { get; init; }
    public string? Floor { get; init; }
    public string? Room { get; init; }
    public string? Landmark { get; init; }
}

namespace GridBot.Store.Grids;

/// <summary>Tiers of the grid tree, from the district down to the micro-grid (微网格).</summary>
public enum GridLevel
{
    District,
    Street,
    Community,
    Grid,
    MicroGrid,
    Dedicated,
}

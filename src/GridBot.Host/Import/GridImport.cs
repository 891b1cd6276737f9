using GridBot.Store.Grids;

namespace GridBot.Host.Import;

/// <summary>A grid row that passed every check.</summary>
internal sealed record GridImport(ImportRow Source, string Code, string Name, GridLevel Level, string? ParentCode);

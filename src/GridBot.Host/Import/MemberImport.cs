using GridBot.Store.Grids;

namespace GridBot.Host.Import;

/// <summary>A member row that passed every check. A null phone or ID number means "not given", never "erase".</summary>
internal sealed record MemberImport(ImportRow Source, string Channel, string UserId, string Name, string? Phone, string? IdNumber, string GridCode, MemberRole Role);

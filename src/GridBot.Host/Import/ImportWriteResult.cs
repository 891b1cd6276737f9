namespace GridBot.Host.Import;

/// <summary>What the writer changed; <paramref name="PathsChanged"/> counts existing grids re-pathed by a move, imported or not.</summary>
internal sealed record ImportWriteResult(ImportCounts Grids, ImportCounts Chats, ImportCounts Members, ImportCounts Knowledge, int PathsChanged);

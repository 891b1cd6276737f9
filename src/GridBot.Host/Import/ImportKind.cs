namespace GridBot.Host.Import;

/// <summary>The three tables an import file can feed.</summary>
internal enum ImportKind
{
    Grids,
    Chats,
    Members,
}

namespace GridBot.Host.Import;

/// <summary>The tables an import file can feed.</summary>
internal enum ImportKind
{
    Grids,
    Chats,
    Members,

    /// <summary>Question/answer pairs of the knowledge base (知识库).</summary>
    Knowledge,
}

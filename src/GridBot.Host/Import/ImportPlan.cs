namespace GridBot.Host.Import;

/// <summary>The checked rows of one import, grids in input order (the writer links parents after creating them all).</summary>
internal sealed record ImportPlan(IReadOnlyList<GridImport> Grids, IReadOnlyList<ChatImport> Chats, IReadOnlyList<MemberImport> Members, IReadOnlyList<KnowledgeImport> Knowledge);

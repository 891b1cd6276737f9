namespace GridBot.Dialogs.Digests;

public sealed record DigestCategoryLine(string Category, DigestCounts Counts);

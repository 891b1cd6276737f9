namespace GridBot.Host.Import;

/// <summary>A chat row that passed every check; <paramref name="GridCode"/> exists in the import or the database.</summary>
internal sealed record ChatImport(ImportRow Source, string Channel, string ChatId, string GridCode, string Name);

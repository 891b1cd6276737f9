namespace GridBot.Host.Import;

/// <summary>A knowledge-base row that passed every check: a question and its answer for a grid and everything below it.</summary>
internal sealed record KnowledgeImport(ImportRow Source, string GridCode, string Question, string Answer, string? Keywords);

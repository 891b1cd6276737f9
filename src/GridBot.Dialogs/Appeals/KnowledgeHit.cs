namespace GridBot.Dialogs.Appeals;

/// <summary>A knowledge-base answer to a question, with how well the stored question matches it (0–1).</summary>
public sealed record KnowledgeHit(int Id, string Question, string Answer, double Score);

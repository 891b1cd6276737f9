namespace GridBot.Store.Knowledge;

/// <summary>
/// One question and its answer in the knowledge base (知识库), imported by staff. It answers residents of its grid
/// and of every grid below it, as an announcement does.
/// </summary>
public sealed class KnowledgeEntry
{
    public const int QuestionMaxLength = 200;
    public const int AnswerMaxLength = 1000;
    public const int KeywordsMaxLength = 200;

    public int Id { get; set; }
    public int GridId { get; set; }
    public Grids.Grid? Grid { get; set; }
    public required string Question { get; set; }
    public required string Answer { get; set; }

    /// <summary>Words residents use for the topic, separated by 、 , ， or spaces (医保、医疗保险、交医保).</summary>
    public string? Keywords { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

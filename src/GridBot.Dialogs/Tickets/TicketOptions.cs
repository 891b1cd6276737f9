using System.ComponentModel.DataAnnotations;

namespace GridBot.Dialogs.Tickets;

public sealed class TicketOptions
{
    public const string SectionName = "Tickets";

    [Required]
    [RegularExpression("^[A-Z]{1,8}$", ErrorMessage = "Tickets:NumberPrefix must be 1-8 capital letters, e.g. GD.")]
    public string NumberPrefix { get; set; } = "GD";

    /// <summary>The taxonomy file; relative paths are taken from the application folder.</summary>
    [Required(ErrorMessage = "Tickets:TaxonomyPath is required.")]
    public string TaxonomyPath { get; set; } = "Tickets/taxonomy.default.json";

    /// <summary>Below this confidence a group message is not turned into a ticket without asking.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Tickets:ConfirmBelow must be between 0 and 1.")]
    public double ConfirmBelow { get; set; } = 0.55;

    /// <summary>Below this a group message is chit-chat and gets no answer at all.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Tickets:IgnoreBelow must be between 0 and 1.")]
    public double IgnoreBelow { get; set; } = 0.3;

    /// <summary>
    /// How long a question the bot asked a resident ("在哪里？") stays open. After that it lapses without a ticket, so
    /// nobody is held to a question and an old question never catches an unrelated message.
    /// </summary>
    [Range(1, 24 * 60, ErrorMessage = "Tickets:PendingQuestionMinutes must be between 1 and 1440.")]
    public int PendingQuestionMinutes { get; set; } = 10;

    /// <summary>How far back a new report is compared with open tickets of its grid for merging.</summary>
    [Range(0, 24 * 90, ErrorMessage = "Tickets:DuplicateWindowHours must be between 0 (no merging) and 2160.")]
    public int DuplicateWindowHours { get; set; } = 72;

    /// <summary>
    /// How long an open urgent ticket takes in a second report of the same emergency (its reporter saying it again, a
    /// neighbour at the same spot) as a 催 on it instead of a new ticket and alarm.
    /// </summary>
    [Range(0, 24 * 60, ErrorMessage = "Tickets:UrgentRepeatMinutes must be between 0 (every urgent report alarms) and 1440.")]
    public int UrgentRepeatMinutes { get; set; } = 60;

    public TimeSpan UrgentRepeatWindow => TimeSpan.FromMinutes(UrgentRepeatMinutes);

    public TimeSpan PendingQuestionLife => TimeSpan.FromMinutes(PendingQuestionMinutes);

    /// <summary>A relative path is the user's (working folder) when it exists there, otherwise the one shipped beside the binary.</summary>
    public string ResolveTaxonomyPath() =>
        Path.IsPathRooted(TaxonomyPath) || File.Exists(TaxonomyPath) ? TaxonomyPath : Path.Combine(AppContext.BaseDirectory, TaxonomyPath);
}

namespace GridBot.Store.Tickets;

/// <summary>
/// A work order (工单). Every change goes through a method that checks <see cref="TicketLifecycle"/>
/// and appends to <see cref="Events"/>, so the history cannot drift from the state.
/// </summary>
public sealed class Ticket
{
    public int Id { get; set; }
    public required string Number { get; set; }
    public required string Category { get; set; }

    /// <summary>投诉/求助/咨询/建议/表扬, fixed when the ticket is opened; it decides whether a deadline applies.</summary>
    public AppealType AppealType { get; init; } = AppealType.Complaint;
    public TicketUrgency Urgency { get; set; }
    public string? Place { get; set; }
    /// <summary>Always present (all parts null when no place was given), so SQLite rows map back without ambiguity.</summary>
    public PlaceDetail PlaceDetail { get; set; } = new();
    public required string Description { get; set; }
    public int GridId { get; set; }
    public Grids.Grid? Grid { get; set; }
    public required string Channel { get; set; }
    public required string ConversationId { get; set; }
    public string? ServiceUrl { get; set; }
    public TicketStatus Status { get; private set; } = TicketStatus.New;
    public TicketTier Tier { get; private set; } = TicketTier.Grid;
    public DateTime CreatedUtc { get; private set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>The SLA deadline; null for a question, a suggestion or praise, which carry no clock.</summary>
    public DateTime? DeadlineUtc { get; private set; }
    public DateTime? ResolvedUtc { get; private set; }
    public string? OwnerUserId { get; private set; }
    public string? OwnerName { get; private set; }
    public string? Resolution { get; private set; }
    public TicketRating? Rating { get; private set; }

    /// <summary>How many times the reporters urged (催办) this ticket; every urge is also a history line.</summary>
    public int UrgeCount { get; private set; }

    /// <summary>When repeated urges raised the ticket to the grid leader's attention (once per ticket).</summary>
    public DateTime? RaisedToLeaderUtc { get; private set; }

    // Read-only views over the lists EF Core fills through the fields: only the methods below add to them.
    private readonly List<TicketReporter> _reporters = [];
    private readonly List<TicketAttachment> _attachments = [];
    private readonly List<TicketEvent> _events = [];

    public IReadOnlyList<TicketReporter> Reporters => _reporters.AsReadOnly();
    public IReadOnlyList<TicketAttachment> Attachments => _attachments.AsReadOnly();
    public IReadOnlyList<TicketEvent> Events => _events.AsReadOnly();

    public bool CarriesSla => AppealType.CarriesSla();

    /// <summary>
    /// The lifecycle table, the street as the top tier, and the appeal type: a question, suggestion or praise is
    /// answered (答复), never resolved, rated, reopened or escalated on a clock; a complaint or request for help is
    /// resolved, never merely answered.
    /// </summary>
    public bool Allows(TicketAction action) => TicketLifecycle.Allows(Status, action) &&
        (action != TicketAction.Escalate || Tier < TicketTier.Street) &&
        (CarriesSla
            ? action != TicketAction.Answer
            : action is not (TicketAction.Resolve or TicketAction.Rate or TicketAction.Reopen or TicketAction.Escalate));

    /// <param name="deadlineUtc">The SLA deadline; only a complaint or a request for help carries one.</param>
    public void Open(TicketActor actor, TicketTier tier, DateTime nowUtc, DateTime? deadlineUtc = null)
    {
        // CreatedUtc, not the history: a ticket loaded without its events is just as open.
        if (CreatedUtc != default)
        {
            throw new InvalidOperationException($"Ticket {Number} is already open.");
        }

        if (deadlineUtc is not null && !CarriesSla)
        {
            throw new InvalidOperationException($"Ticket {Number}: a {AppealType} carries no deadline.");
        }

        Tier = tier;
        DeadlineUtc = deadlineUtc;
        CreatedUtc = UpdatedUtc = nowUtc;
        Record(actor, TicketAction.Create, null, nowUtc, null);
    }

    public void Accept(TicketActor actor, DateTime nowUtc) => Move(actor, TicketAction.Accept, TicketStatus.Accepted, nowUtc, null);

    public void Assign(TicketActor actor, string ownerUserId, string ownerName, DateTime nowUtc)
    {
        Guard(TicketAction.Assign);
        OwnerUserId = ownerUserId;
        OwnerName = ownerName;
        Move(actor, TicketAction.Assign, TicketStatus.Assigned, nowUtc, ownerName);
    }

    public void Start(TicketActor actor, DateTime nowUtc) => Move(actor, TicketAction.Start, TicketStatus.InProgress, nowUtc, null);

    public void Resolve(TicketActor actor, string? resolution, DateTime nowUtc)
    {
        Guard(TicketAction.Resolve);
        Resolution = resolution;
        ResolvedUtc = nowUtc;
        Move(actor, TicketAction.Resolve, TicketStatus.Resolved, nowUtc, resolution);
    }

    public void Rate(TicketActor actor, TicketRating rating, DateTime nowUtc)
    {
        Guard(TicketAction.Rate);
        Rating = rating;
        Move(actor, TicketAction.Rate, TicketStatus.Rated, nowUtc, rating.ToString());
    }

    /// <summary>Not satisfied (不满意): back to work with the same owner and a fresh deadline (重办).</summary>
    public void Reopen(TicketActor actor, string? reason, DateTime newDeadlineUtc, DateTime nowUtc)
    {
        Guard(TicketAction.Reopen);
        Rating = TicketRating.Unsatisfied;
        ResolvedUtc = null;
        DeadlineUtc = newDeadlineUtc;
        Move(actor, TicketAction.Reopen, TicketStatus.Reopened, nowUtc, reason);
    }

    /// <summary>答复: the answer to a question (or the reply to a suggestion or praise) closes the item; nothing is rated.</summary>
    public void Answer(TicketActor actor, string answer, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(answer);
        Guard(TicketAction.Answer);
        Resolution = answer.Length > 500 ? answer[..500] : answer;
        ResolvedUtc = nowUtc;
        Move(actor, TicketAction.Answer, TicketStatus.Closed, nowUtc, Resolution);
    }

    public void Reject(TicketActor actor, string reason, DateTime nowUtc) => Move(actor, TicketAction.Reject, TicketStatus.Rejected, nowUtc, reason);

    public void Escalate(TicketActor actor, string reason, DateTime newDeadlineUtc, DateTime nowUtc)
    {
        Guard(TicketAction.Escalate);
        Tier++;
        DeadlineUtc = newDeadlineUtc;
        OwnerUserId = null;
        OwnerName = null;
        Transition(actor, TicketAction.Escalate, TicketStatus.Escalated, nowUtc, $"{Tier}: {reason}");
    }

    public void AddReporter(TicketReporter reporter, TicketActor actor, DateTime nowUtc)
    {
        if (Reporters.Any(r => r.Channel == reporter.Channel && r.UserId == reporter.UserId))
        {
            return;
        }

        _reporters.Add(reporter);
        if (_events.Count > 0)
        {
            Record(actor, TicketAction.AddReporter, Status, nowUtc, reporter.Name);
        }
    }

    /// <summary>Takes back a reporter merged by mistake (拆分); their report becomes a ticket of its own.</summary>
    public void RemoveReporter(TicketReporter reporter, string newNumber, TicketActor actor, DateTime nowUtc)
    {
        _reporters.Remove(reporter);
        Record(actor, TicketAction.Split, Status, nowUtc, $"{reporter.Name} → {newNumber}");
    }

    public void AddAttachment(TicketAttachment attachment, TicketActor actor, DateTime nowUtc)
    {
        _attachments.Add(attachment);
        Record(actor, TicketAction.AddAttachment, Status, nowUtc, attachment.Url);
    }

    /// <summary>The reporter's next piece of the place, joined to what they said before; the history keeps both.</summary>
    public void AddToPlace(TicketActor actor, string place, PlaceDetail detail, DateTime nowUtc)
    {
        var previous = Place;
        Place = place;
        PlaceDetail = detail;
        Record(actor, TicketAction.AddPlace, Status, nowUtc, $"{previous ?? "未说明"} → {place}");
    }

    /// <summary>A leader's correction of the guessed category; the history keeps the guess for retraining.</summary>
    public void Recategorize(TicketActor actor, string category, DateTime nowUtc)
    {
        var previous = Category;
        Category = category;
        Record(actor, TicketAction.Recategorize, Status, nowUtc, $"{previous} → {category}");
    }

    /// <summary>
    /// A reminder, a chase or a 回访 task leaves the status alone but belongs in the history the huddle and the
    /// resident see.
    /// </summary>
    public void RecordFollowUp(TicketActor actor, TicketAction action, string note, DateTime nowUtc)
    {
        if (action is not (TicketAction.Remind or TicketAction.Chase or TicketAction.FollowUp))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Only reminders, chases and 回访 tasks are follow-ups.");
        }

        Record(actor, action, Status, nowUtc, note);
    }

    /// <summary>催办 by a reporter: counted, and kept in the history with what they said.</summary>
    public void Urge(TicketActor actor, string? note, DateTime nowUtc)
    {
        Guard(TicketAction.Urge);
        UrgeCount++;
        Record(actor, TicketAction.Urge, Status, nowUtc, note);
    }

    /// <summary>Marks the ticket for the grid leader (once); the caller tells the leader.</summary>
    public bool RaiseToLeader(TicketActor actor, DateTime nowUtc)
    {
        Guard(TicketAction.RaiseToLeader);
        if (RaisedToLeaderUtc is not null)
        {
            return false;
        }

        RaisedToLeaderUtc = nowUtc;
        Record(actor, TicketAction.RaiseToLeader, Status, nowUtc, $"催办 {UrgeCount} 次");
        return true;
    }

    /// <summary>The reporter's correction of the place; the history keeps both versions.</summary>
    public void CorrectPlace(TicketActor actor, string place, PlaceDetail detail, DateTime nowUtc)
    {
        Guard(TicketAction.Correct);
        var previous = Place;
        Place = place;
        PlaceDetail = detail;
        Record(actor, TicketAction.Correct, Status, nowUtc, $"位置：{previous ?? "未说明"} → {place}");
    }

    /// <summary>The reporter's correction of what the problem is; the history keeps both versions.</summary>
    public void CorrectDescription(TicketActor actor, string description, DateTime nowUtc)
    {
        Guard(TicketAction.Correct);
        var previous = Description;
        Description = description;
        Record(actor, TicketAction.Correct, Status, nowUtc, $"描述：{previous} → {description}");
    }

    /// <summary>撤回 by the reporter: the ticket leaves the open work without counting as resolved by staff.</summary>
    public void Withdraw(TicketActor actor, string? reason, DateTime nowUtc) => Move(actor, TicketAction.Withdraw, TicketStatus.Withdrawn, nowUtc, reason);

    public bool IsOverdue(DateTime nowUtc) => TicketLifecycle.IsOpen(Status) && DeadlineUtc is { } deadline && nowUtc > deadline;

    private void Move(TicketActor actor, TicketAction action, TicketStatus to, DateTime nowUtc, string? note)
    {
        Guard(action);
        Transition(actor, action, to, nowUtc, note);
    }

    private void Transition(TicketActor actor, TicketAction action, TicketStatus to, DateTime nowUtc, string? note)
    {
        var from = Status;
        Status = to;
        Record(actor, action, from, nowUtc, note, to);
    }

    private void Guard(TicketAction action)
    {
        if (!Allows(action))
        {
            throw new InvalidOperationException($"Ticket {Number}: {action} is not allowed from {Status} at tier {Tier}.");
        }
    }

    private void Record(TicketActor actor, TicketAction action, TicketStatus? from, DateTime nowUtc, string? note, TicketStatus? to = null)
    {
        UpdatedUtc = nowUtc;
        _events.Add(new TicketEvent
        {
            AtUtc = nowUtc,
            Action = action,
            FromStatus = from,
            ToStatus = to ?? Status,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Note = note is { Length: > 500 } ? note[..500] : note,
        });
    }
}

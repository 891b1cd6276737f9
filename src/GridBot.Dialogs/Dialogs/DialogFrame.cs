using System.Text.Json.Serialization;
using GridBot.Dialogs.Announcements;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Tickets.FollowUps;

namespace GridBot.Dialogs.Dialogs;

/// <summary>One entry of a person's dialog stack. Each dialog owns one typed frame; the discriminator names it in storage.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "dialog")]
[JsonDerivedType(typeof(IntakeFrame), "intake")]
[JsonDerivedType(typeof(AnnouncementConfirmFrame), "announcement")]
[JsonDerivedType(typeof(PickTicketFrame), "pick-ticket")]
[JsonDerivedType(typeof(UrgeConfirmFrame), "urge-confirm")]
[JsonDerivedType(typeof(WithdrawConfirmFrame), "withdraw-confirm")]
[JsonDerivedType(typeof(CorrectionFieldFrame), "correction-field")]
public abstract record DialogFrame
{
    public DateTime StartedUtc { get; init; }
}

namespace GridBot.Dialogs.Calendar.Notices;

/// <summary>A part of a State Council holiday notice that <see cref="HolidayNoticeParser"/> cannot read with certainty.</summary>
/// <param name="fragment">The sentence or line of the notice, as written, so a person can find it.</param>
/// <param name="reason">What is wrong with it, in Chinese.</param>
public sealed class HolidayNoticeException(string fragment, string reason)
    : Exception($"无法读懂通知中的这一句：「{fragment}」——{reason}")
{
    public string Fragment { get; } = fragment;

    public string Reason { get; } = reason;
}

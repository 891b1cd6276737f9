using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>The Chinese words residents and staff use for statuses, tiers and ratings, both ways.</summary>
public static class TicketStatusNames
{
    private static readonly Dictionary<TicketStatus, string> Names = new()
    {
        [TicketStatus.New] = "待受理",
        [TicketStatus.Accepted] = "已受理",
        [TicketStatus.Assigned] = "已派单",
        [TicketStatus.InProgress] = "处理中",
        [TicketStatus.Resolved] = "已办结",
        [TicketStatus.Rated] = "已评价",
        [TicketStatus.Closed] = "已关闭",
        [TicketStatus.Rejected] = "退回",
        [TicketStatus.Escalated] = "升级",
        [TicketStatus.Reopened] = "重办",
        [TicketStatus.Withdrawn] = "已撤回",
    };

    public static string Of(TicketStatus status) => Names[status];

    public static string Of(TicketTier tier) => tier switch
    {
        TicketTier.Grid => "网格",
        TicketTier.Community => "社区",
        _ => "街道",
    };

    public static string Of(TicketRating rating) => rating switch
    {
        TicketRating.Satisfied => "满意",
        TicketRating.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };

    public static TicketStatus? Parse(string word)
    {
        foreach (var (status, name) in Names)
        {
            if (name == word || (name.Length == 3 && name[1..] == word) || string.Equals(status.ToString(), word, StringComparison.OrdinalIgnoreCase))
            {
                return status;
            }
        }

        return null;
    }
}

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// One item of <c>msg_list</c> (WECOM.md §5.3.3): origin 3 is the customer, 4 an event (account and customer then sit
/// inside <c>event</c>), 5 a servicer typing in the WeCom client.
/// </summary>
public sealed class KfMessage
{
    public const int FromCustomer = 3;
    public const int SystemEvent = 4;
    public const int FromServicer = 5;

    public string? Msgid { get; set; }
    public string? OpenKfid { get; set; }
    public string? ExternalUserid { get; set; }
    public long SendTime { get; set; }
    public int Origin { get; set; }
    public string? ServicerUserid { get; set; }
    public string? Msgtype { get; set; }
    public KfText? Text { get; set; }
    public KfMedia? Image { get; set; }
    public KfMedia? Voice { get; set; }
    public KfLocation? Location { get; set; }
    public KfEvent? Event { get; set; }

    public sealed class KfText
    {
        public string? Content { get; set; }
        public string? MenuId { get; set; }
    }

    public sealed class KfMedia
    {
        public string? MediaId { get; set; }
    }

    public sealed class KfLocation
    {
        public double Latitude { get; set; }
        public double Longitude { get; set; }
        public string? Name { get; set; }
        public string? Address { get; set; }
    }
}

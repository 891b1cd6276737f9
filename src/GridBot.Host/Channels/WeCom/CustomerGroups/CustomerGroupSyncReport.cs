namespace GridBot.Host.Channels.WeCom.CustomerGroups;

/// <summary>What a group sync did; unbound groups and failed calls are listed, never dropped quietly.</summary>
internal sealed class CustomerGroupSyncReport
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Bound { get; set; }
    public List<string> Unbound { get; } = [];
    public List<string> Problems { get; } = [];
}

namespace GridBot.Host.Channels.WeCom.CustomerGroups;

/// <summary>
/// <c>WeCom:CustomerGroups</c>: how <c>wecom sync-groups</c> binds a customer group to a grid. Name rules are tried
/// first, in order (a group named "幸福里一网格居民群" says where it belongs even when a community worker owns it), then
/// the owner's grid (the owner is a WeCom member of exactly one grid). List defaults belong in appsettings.json.
/// </summary>
public sealed class CustomerGroupOptions
{
    public const string SectionName = "WeCom:CustomerGroups";

    public List<CustomerGroupNameRule> NameRules { get; set; } = [];
}

/// <summary>A group whose name matches <see cref="Pattern"/> (a .NET regular expression) belongs to grid <see cref="Grid"/>.</summary>
public sealed class CustomerGroupNameRule
{
    public string Pattern { get; set; } = "";
    public string Grid { get; set; } = "";
}

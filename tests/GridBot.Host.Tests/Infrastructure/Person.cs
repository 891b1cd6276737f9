namespace GridBot.Host.Tests.Infrastructure;

/// <summary>People of the demo data (src/GridBot.Host/Demo/demo-grids.json) and residents the tests invent.</summary>
public sealed record Person(string Id, string Name)
{
    public static readonly Person LeaderWang = new("leader-c01-g01", "王芳");
    public static readonly Person WorkerLi = new("worker-c01-g01", "李明");
    public static readonly Person LeaderChen = new("leader-c01-g02", "陈刚");
    public static readonly Person CommunityZhao = new("staff-c01", "赵书记");
    public static readonly Person StreetSun = new("staff-s01", "孙科长");

    public static Person Resident(string name) => new("resident-" + Guid.NewGuid().ToString("N")[..8], name);
}

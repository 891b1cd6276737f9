namespace GridBot.Host.Tests.Authorization;

/// <summary>The columns of the matrix in docs/AUTHORIZATION.md, in their order there.</summary>
public enum MatrixRole
{
    Reporter,
    Resident,
    Liaison,
    Worker,
    Leader,
    OtherLeader,
    Community,
    Street,
    Unknown,
    NoToken,
}

namespace GridBot.Host.Tests.Authorization;

/// <summary>What one cell of the matrix promises (see "Cell values" in docs/AUTHORIZATION.md).</summary>
public enum Expectation
{
    Allow,
    AllowMasked,
    AllowFull,
    Refused,
    NotFound,
    Unknown,
    SignIn,
    Status401,
    Status403,
    Status404,
}

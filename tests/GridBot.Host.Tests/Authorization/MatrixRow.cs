namespace GridBot.Host.Tests.Authorization;

/// <summary>
/// How the walk performs one row of the matrix: the action as a given role, what success looks like, and whether a
/// success must change the ticket or announcement it acted on.
/// </summary>
public sealed record MatrixRow(
    string Id,
    Func<MatrixRole, CancellationToken, Task<Observation>> Perform,
    Func<Observation, bool> Succeeded,
    bool Moves = false);

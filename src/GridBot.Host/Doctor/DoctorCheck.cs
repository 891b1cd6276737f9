namespace GridBot.Host.Doctor;

/// <summary>One line of the doctor's table: what was checked, whether it is right, what was found, and what to do.</summary>
/// <param name="Name">The part checked, in Chinese (数据库, Redis …).</param>
/// <param name="Outcome">Passed, failed, or not applicable (a part this deployment does not use).</param>
/// <param name="Detail">What was found (no secrets: keys and tokens are counted, never shown).</param>
/// <param name="Fix">What to do when it failed; empty when it passed.</param>
public sealed record DoctorCheck(string Name, DoctorOutcome Outcome, string Detail, string Fix = "")
{
    public static DoctorCheck Pass(string name, string detail) => new(name, DoctorOutcome.Passed, detail);

    public static DoctorCheck Fail(string name, string detail, string fix) => new(name, DoctorOutcome.Failed, detail, fix);

    public static DoctorCheck Skip(string name, string detail) => new(name, DoctorOutcome.NotUsed, detail);
}

public enum DoctorOutcome
{
    Passed,
    Failed,
    NotUsed,
}

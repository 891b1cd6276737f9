namespace GridBot.Host.Cli;

/// <summary>One fire of <c>schedule list --json</c>: local (Beijing) time as written, and the instant in UTC.</summary>
internal sealed record ScheduleFire(string Kind, string Grid, DateTime LocalTime, DateTime FireUtc, bool MakeUpWorkday);

/// <summary><c>ledger --json</c>: where the workbook went and how many tickets it holds.</summary>
internal sealed record LedgerExport(string File, int Tickets);

/// <summary>One grid of <c>kf links --json</c>; <see cref="Problem"/> says why a grid has no link.</summary>
internal sealed record KfLinkRow(string Code, string Name, string? Url, string? QrCode, string? Problem);

/// <summary>One check of <c>doctor --json</c>: Passed, Failed or Skipped, what was seen and the fix.</summary>
internal sealed record DoctorRow(string Name, string Outcome, string Detail, string Fix);

/// <summary><c>classifier train|retrain --json</c>: the model written (null when retrain kept the previous one).</summary>
internal sealed record ClassifierTrained(string? Model, IReadOnlyList<string> Labels, string Settings, int Rows, int Corrections);

/// <summary><c>wecom sync-groups --json</c>.</summary>
internal sealed record CustomerGroupSyncResult(int Created, int Updated, int Bound, IReadOnlyList<string> Unbound, IReadOnlyList<string> Problems);

/// <summary><c>wecom doctor --json</c>: whether the long connection works, and what the doctor found, in order.</summary>
internal sealed record AiBotDoctorResult(bool Ok, IReadOnlyList<string> Findings);

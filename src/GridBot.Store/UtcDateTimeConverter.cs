using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GridBot.Store;

/// <summary>
/// Every stored time is UTC. Written as UTC (Npgsql refuses a kind other than UTC for timestamp with time zone; a
/// stray unspecified kind is taken as UTC by convention) and read back marked as UTC (SQLite returns no kind).
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

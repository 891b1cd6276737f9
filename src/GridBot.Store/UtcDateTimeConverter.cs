using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GridBot.Store;

/// <summary>Stores DateTime as given (UTC by convention) and reads it back marked as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value,
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

using System.ComponentModel.DataAnnotations;

namespace GridBot.Store.Configuration;

/// <summary><c>Redis</c>: the server several hosts share, and the prefix of every key GridBot writes there.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string; empty means in-process equivalents (one host). Which
    /// implementations are registered is decided from the same key by <see cref="StoreSettings.UsesRedis"/>.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every Redis key, so several deployments can share one server.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Redis:KeyPrefix is empty; leave it out for 'gridbot:' or set 1-32 letters, digits, ':', '_' or '-'.")]
    [RegularExpression("^[A-Za-z0-9:_-]{1,32}$", ErrorMessage = "Redis:KeyPrefix must be 1-32 letters, digits, ':', '_' or '-'.")]
    public string KeyPrefix { get; set; } = "gridbot:";
}

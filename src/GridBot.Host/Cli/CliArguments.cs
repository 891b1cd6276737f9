namespace GridBot.Host.Cli;

/// <summary>"--name value" flags a verb knows, and everything else passed on as .NET configuration (--Key=value).</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> flags = new(StringComparer.OrdinalIgnoreCase);

    private CliArguments(string[] settings) => Settings = settings;

    public string[] Settings { get; }

    public static CliArguments Parse(IEnumerable<string> args, params string[] known)
    {
        var settings = new List<string>();
        var flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current.StartsWith("--", StringComparison.Ordinal) ? e.Current[2..] : null;
            if (name is not null && known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                flags[name] = e.MoveNext() ? e.Current : "";
            }
            else
            {
                settings.Add(e.Current);
            }
        }

        var parsed = new CliArguments([.. settings]);
        foreach (var (key, value) in flags)
        {
            parsed.flags[key] = value;
        }

        return parsed;
    }

    public string? this[string name] => flags.TryGetValue(name, out var value) ? value : null;

    public string Require(string name) =>
        this[name] is { Length: > 0 } value ? value : throw new ArgumentException($"--{name} is required.");
}

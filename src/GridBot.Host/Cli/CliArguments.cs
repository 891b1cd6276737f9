namespace GridBot.Host.Cli;

/// <summary>"--name value" options and "--flag" switches after a verb; anything else is a positional argument.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _positional = [];

    public CliArguments(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                _positional.Add(arg);
                continue;
            }

            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                _options[name[..equals]] = name[(equals + 1)..];
            }
            else if (flags.Contains(name))
            {
                _options[name] = null;
            }
            else
            {
                _options[name] = e.MoveNext() ? e.Current : throw new ArgumentException($"--{name} needs a value.");
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public string Require(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw new ArgumentException($"--{name} is required.");
}

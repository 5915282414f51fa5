using System.Globalization;

namespace Anxin.Bench;

/// <summary>Command-line options: <c>--name value</c> pairs and <c>--flag</c>s after the command.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public Options(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    _values[pending] = "true";
                }

                pending = arg[2..];
            }
            else if (pending is not null)
            {
                _values[pending] = arg;
                pending = null;
            }
        }

        if (pending is not null)
        {
            _values[pending] = "true";
        }
    }

    public string? this[string name] => _values.GetValueOrDefault(name);

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public int Count(string name, int fallback) => _values.TryGetValue(name, out var v) ? ParseCount(v) : fallback;

    public bool Flag(string name) => _values.TryGetValue(name, out var v) && v != "false";

    /// <summary>1000000, 1_000_000, 1m, 10M, 50k.</summary>
    public static int ParseCount(string value)
    {
        value = value.Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        var factor = 1;
        if (value.EndsWith('k') || value.EndsWith('K'))
        {
            factor = 1_000;
            value = value[..^1];
        }
        else if (value.EndsWith('m') || value.EndsWith('M'))
        {
            factor = 1_000_000;
            value = value[..^1];
        }

        return checked((int)(double.Parse(value, CultureInfo.InvariantCulture) * factor));
    }
}

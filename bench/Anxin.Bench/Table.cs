using System.Globalization;
using System.Text;

namespace Anxin.Bench;

/// <summary>A plain-text table for the console (and BENCHMARKS.md), then one summary line.</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params object?[] cells) => _rows.Add(cells.Select(Format).ToArray());

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine("| " + string.Join(" | ", headers.Select((h, i) => h.PadRight(widths[i]))) + " |");
        sb.AppendLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in _rows)
        {
            sb.AppendLine("| " + string.Join(" | ", row.Select((c, i) => c.PadLeft(widths[i]))) + " |");
        }

        return sb.ToString();
    }

    public static string Format(object? value) => value switch
    {
        null => "-",
        double d => d.ToString(d >= 100 ? "N0" : "0.00", CultureInfo.InvariantCulture),
        int or long => string.Format(CultureInfo.InvariantCulture, "{0:N0}", value),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}

/// <summary>Latency samples in microseconds and their percentiles.</summary>
public sealed class Latencies
{
    private readonly List<long> _micros = [];

    public int Count => _micros.Count;

    public void Add(TimeSpan elapsed)
    {
        lock (_micros)
        {
            _micros.Add((long)(elapsed.Ticks / 10));
        }
    }

    public void AddRange(IEnumerable<long> micros)
    {
        lock (_micros)
        {
            _micros.AddRange(micros);
        }
    }

    /// <summary>The percentile in milliseconds (nearest rank).</summary>
    public double Ms(double percentile)
    {
        if (_micros.Count == 0)
        {
            return double.NaN;
        }

        _micros.Sort();
        var rank = (int)Math.Ceiling(percentile / 100.0 * _micros.Count) - 1;
        return _micros[Math.Clamp(rank, 0, _micros.Count - 1)] / 1000.0;
    }
}

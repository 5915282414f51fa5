using System.Globalization;
using System.Runtime.CompilerServices;
using Anxin.Web.Infrastructure.Lists;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Tests.Lists;

/// <summary>Runs alone, after the parallel tests, so the heap it measures is its own.</summary>
[CollectionDefinition(nameof(MemoryMeasuring), DisableParallelization = true)]
public sealed class MemoryMeasuring;

/// <summary>The export building block alone, no web app: streaming, bounded memory, CSV injection.</summary>
[Collection(nameof(MemoryMeasuring))]
public sealed class TabularExportTests
{
    private const int Million = 1_000_000;
    private const long MemoryLimit = 150L * 1024 * 1024;

    private sealed record Synthetic(int N, string Name, string Note);

    /// <summary>Counts rows produced but not yet turned into cells, and the worst heap growth seen.</summary>
    private sealed class Probe
    {
        private readonly long _baseline = GC.GetTotalMemory(true);

        public int InFlight { get; set; }

        public int MaxInFlight { get; private set; }

        public long MaxGrowth { get; private set; }

        public int Produced { get; private set; }

        public void OnProduced()
        {
            Produced++;
            MaxInFlight = Math.Max(MaxInFlight, ++InFlight);
            if (Produced % 20_000 == 0)
            {
                // Garbage not yet collected does not count: over the limit, measure what is live.
                var growth = GC.GetTotalMemory(false) - _baseline;
                MaxGrowth = Math.Max(MaxGrowth, growth < MemoryLimit ? growth : GC.GetTotalMemory(true) - _baseline);
            }
        }
    }

    private static async IAsyncEnumerable<Synthetic> RowsAsync(int count, Probe probe, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 1; i <= count; i++)
        {
            ct.ThrowIfCancellationRequested();
            probe.OnProduced();
            yield return new Synthetic(i, "客户" + i.ToString(CultureInfo.InvariantCulture), i % 1000 == 0 ? "=HYPERLINK(\"x\")" : "ok");

            if (i % 10_000 == 0)
            {
                await Task.Yield();
            }
        }
    }

    private static ListColumn<Synthetic>[] Columns(Probe probe) =>
    [
        new("n", "Export.N", r => r.N.ToString(CultureInfo.InvariantCulture)),
        new("name", "Export.Name", r => r.Name),
        new("note", "Export.Note", r =>
        {
            probe.InFlight--; // the last cell of the row: the writer has taken the row
            return r.Note;
        }),
    ];

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Csv_export_of_a_million_rows_streams_lazily_in_bounded_memory()
    {
        var probe = new Probe();
        var output = new CountingStream();

        await TabularExport.WriteCsvAsync(output, Columns(probe), new KeyText(), RowsAsync(Million, probe), CancellationToken.None);

        Assert.Equal(Million + 1, output.NewLines); // the header and every row
        Assert.Equal(Million, probe.Produced);
        Assert.Equal(1, probe.MaxInFlight);
        Assert.True(probe.MaxGrowth < MemoryLimit, $"heap grew by {probe.MaxGrowth / 1024 / 1024} MB");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Xlsx_export_of_a_million_rows_streams_lazily_in_bounded_memory()
    {
        var probe = new Probe();
        var path = Path.Combine(Path.GetTempPath(), "anxin-test-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            await using (var file = File.Create(path))
            {
                await TabularExport.WriteXlsxAsync(file, Columns(probe), new KeyText(), RowsAsync(Million, probe), CancellationToken.None);
            }

            Assert.Equal(Million, probe.Produced);
            Assert.Equal(1, probe.MaxInFlight);
            Assert.True(probe.MaxGrowth < MemoryLimit, $"heap grew by {probe.MaxGrowth / 1024 / 1024} MB");

            var (rows, header, last) = ReadBack(path);
            Assert.Equal(Million + 1, rows);
            Assert.Equal(["Export.N", "Export.Name", "Export.Note"], header);
            Assert.Equal(Million.ToString(CultureInfo.InvariantCulture), last[0]);
            Assert.Equal("客户" + Million.ToString(CultureInfo.InvariantCulture), last[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Csv_cells_that_look_like_formulas_are_prefixed_with_a_quote()
    {
        ListColumn<string>[] columns = [new("v", "Export.Value", v => v)];
        var output = new MemoryStream();

        await TabularExport.WriteCsvAsync(output, columns, new KeyText(), AsAsync("=1+2", "+86", "-5", "@SUM(A1)", "plain", "a=b"), CancellationToken.None);

        var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
        Assert.StartsWith("\uFEFF", text, StringComparison.Ordinal);
        var cells = Staff.StaffTestKit.ParseCsv(text).Skip(1).Select(r => r[0]).ToArray();
        Assert.Equal(["'=1+2", "'+86", "'-5", "'@SUM(A1)", "plain", "a=b"], cells);
    }

    [Fact]
    public void Cursors_round_trip_and_garbage_does_not_decode()
    {
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(8));

        Assert.True(KeysetCursor.TryDecode(KeysetCursor.Encode("张三|x", id), out string name, out Guid nameId));
        Assert.Equal(("张三|x", id), (name, nameId));
        Assert.True(KeysetCursor.TryDecode(KeysetCursor.Encode(at, id), out DateTimeOffset when, out Guid whenId));
        Assert.Equal((at, id), (when, whenId));

        foreach (var bad in new[] { "not-a-cursor!!", "AAAA", Convert.ToBase64String("[1,2]"u8.ToArray()), KeysetCursor.Encode("a", "b", "c"),
                     KeysetCursor.Encode("99999999999999999999", id.ToString("N")), new string('A', 5000) })
        {
            Assert.False(KeysetCursor.TryDecode(bad, out DateTimeOffset _, out Guid _), bad);
        }
    }

    [Fact]
    public void Columns_are_chosen_in_the_order_asked_and_unknown_ones_are_field_errors()
    {
        var columns = new ListColumns<string>(new("a", "A", v => v), new("b", "B", v => v), new("c", "C", v => v));

        Assert.Equal(["c", "a"], columns.Choose("c, a").Value!.Select(c => c.Key));
        Assert.Equal(["a", "b", "c"], columns.Choose(null).Value!.Select(c => c.Key));
        Assert.Equal(["b"], columns.Choose("", ["b"]).Value!.Select(c => c.Key));
        var unknown = columns.Choose("a,zzz");
        Assert.False(unknown.IsOk);
        Assert.Equal("Columns", unknown.Errors.Single().Field);
        Assert.False(columns.Choose("a,a").IsOk);
    }

    private static (int Rows, string[] Header, string[] Last) ReadBack(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        using var reader = OpenXmlReader.Create(part);
        var rows = 0;
        string[] header = [];
        var current = new List<string>();
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                rows++;
                if (rows == 2)
                {
                    header = [.. current];
                }

                current.Clear();
            }
            else if (reader.ElementType == typeof(Text) && reader.IsStartElement)
            {
                current.Add(reader.GetText());
            }
        }

        return (rows, rows == 1 ? [.. current] : header, [.. current]);
    }

    private static async IAsyncEnumerable<string> AsAsync(params string[] values)
    {
        foreach (var v in values)
        {
            await Task.Yield();
            yield return v;
        }
    }

    /// <summary>A null stream that counts the line ends written to it.</summary>
    private sealed class CountingStream : Stream
    {
        public long NewLines { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => NewLines += buffer.Count((byte)'\n');

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }
    }

    /// <summary>A localizer that answers with the key, to see which headers were written.</summary>
    private sealed class KeyText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}

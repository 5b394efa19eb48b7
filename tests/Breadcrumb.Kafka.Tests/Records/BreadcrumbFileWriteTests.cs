using System.Text;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Tests.TestSupport;

namespace Breadcrumb.Kafka.Tests.Records;

public sealed class BreadcrumbFileWriteTests
{
    [Fact]
    public async Task WriteAsync_JsonArray_WritesOneLineLikePythonJsonDump()
    {
        using var stream = new MemoryStream();

        var count = await BreadcrumbFile.WriteAsync(stream, [LabRecords.Record, LabRecords.First], BreadcrumbFileFormat.JsonArray, TestContext.Current.CancellationToken);

        count.Should().Be(2);
        Encoding.UTF8.GetString(stream.ToArray()).Should().Be($"[{LabRecords.Json}, {LabRecords.FirstJson}]");
    }

    [Fact]
    public async Task WriteAsync_JsonLines_WritesOneRecordPerLine()
    {
        using var stream = new MemoryStream();

        await BreadcrumbFile.WriteAsync(stream, [LabRecords.Record, LabRecords.First], BreadcrumbFileFormat.JsonLines, TestContext.Current.CancellationToken);

        Encoding.UTF8.GetString(stream.ToArray()).Should().Be($"{LabRecords.Json}\n{LabRecords.FirstJson}\n");
    }

    [Fact]
    public async Task WriteAsync_NoRecords_WritesAnEmptyArrayOrNothing()
    {
        using var array = new MemoryStream();
        using var lines = new MemoryStream();

        await BreadcrumbFile.WriteAsync(array, [], BreadcrumbFileFormat.JsonArray, TestContext.Current.CancellationToken);
        await BreadcrumbFile.WriteAsync(lines, [], BreadcrumbFileFormat.JsonLines, TestContext.Current.CancellationToken);

        Encoding.UTF8.GetString(array.ToArray()).Should().Be("[]");
        lines.Length.Should().Be(0);
    }

    [Theory]
    [InlineData(BreadcrumbFileFormat.JsonArray)]
    [InlineData(BreadcrumbFileFormat.JsonLines)]
    public async Task WriteAsync_ThenReadAsync_RoundTripsGeneratedRecords(BreadcrumbFileFormat format)
    {
        using var dir = new TempDirectory();
        var path = dir.File("bcsample.json");
        var ct = TestContext.Current.CancellationToken;

        await BreadcrumbFile.WriteAsync(path, BreadcrumbFile.Generate(1000, seed: 7), format, ct);
        var read = await BreadcrumbFile.ReadAsync(path, cancellationToken: ct).ToListAsync(ct);

        read.Should().Equal(BreadcrumbFile.Generate(1000, seed: 7));
    }

    [Fact]
    public async Task WriteAsync_ValuesNeedingEscapes_RoundTrip()
    {
        var odd = LabRecords.Record with { OpdDate = "quote\" back\\slash", VehicleId = "tab\tnew\nline\u0001", Direction = "Zürich ✓ 🚌", RadioQuality = "<&'+>" };
        using var stream = new MemoryStream();

        await BreadcrumbFile.WriteAsync(stream, [odd, LabRecords.First], BreadcrumbFileFormat.JsonLines, TestContext.Current.CancellationToken);
        var text = Encoding.UTF8.GetString(stream.ToArray());

        text.Split('\n').Should().HaveCount(3, "escaped newlines keep one record per line");
        (await LabRecords.ReadAllAsync(text)).Should().Equal(odd, LabRecords.First);
    }

    [Fact]
    public async Task WriteAsync_FromReadAsync_ConvertsArrayToJsonLines()
    {
        using var dir = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        var array = dir.Write("in.json", $"[{LabRecords.Json}, {LabRecords.FirstJson}]");
        var lines = dir.File("out.jsonl");

        var count = await BreadcrumbFile.WriteAsync(lines, BreadcrumbFile.ReadAsync(array, cancellationToken: ct), BreadcrumbFileFormat.JsonLines, ct);

        count.Should().Be(2);
        (await File.ReadAllTextAsync(lines, ct)).Should().Be($"{LabRecords.Json}\n{LabRecords.FirstJson}\n");
    }

    [Fact]
    public async Task WriteAsync_Canceled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var stream = new MemoryStream();

        var act = () => BreadcrumbFile.WriteAsync(stream, BreadcrumbFile.Generate(10, 1), BreadcrumbFileFormat.JsonLines, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task WriteAsync_UnknownFormat_ThrowsWithTheValue()
    {
        using var stream = new MemoryStream();

        var act = () => BreadcrumbFile.WriteAsync(stream, [LabRecords.Record], (BreadcrumbFileFormat)9, TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("format must be JsonArray or JsonLines (was 9).*");
    }
}

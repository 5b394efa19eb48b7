using System.Text;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Tests.TestSupport;

namespace Breadcrumb.Kafka.Tests.Records;

public sealed class BreadcrumbFileCountTests
{
    [Theory]
    [InlineData("", 0, 0, 0)]
    [InlineData("one", 0, 1, 3)]
    [InlineData("a b\n  c\td\n\ne", 3, 5, 12)]
    [InlineData(" \v\f\r\n x ", 1, 1, 8)]
    [InlineData("Zürich ✓\n", 1, 2, 12)]
    public async Task CountAsync_Text_CountsLikeWc(string text, long lines, long words, long bytes)
    {
        using var stream = new ChunkedStream(Encoding.UTF8.GetBytes(text), 2);

        var counts = await BreadcrumbFile.CountAsync(stream, TestContext.Current.CancellationToken);

        counts.Should().Be(new BreadcrumbFileCounts(lines, words, bytes));
    }

    [Fact]
    public async Task CountAsync_LabStyleArray_HasNoLinesAnd28WordsPerRecord()
    {
        // The lab's "0 10281908 124760360 bcsample.json" is 367211 records of 28 words on a single line.
        using var dir = new TempDirectory();
        var path = dir.File("bcsample.json");
        var ct = TestContext.Current.CancellationToken;
        await BreadcrumbFile.WriteAsync(path, BreadcrumbFile.Generate(1000, seed: 3), BreadcrumbFileFormat.JsonArray, ct);

        var counts = await BreadcrumbFile.CountAsync(path, ct);

        counts.Should().Be(new BreadcrumbFileCounts(0, 28_000, new FileInfo(path).Length));
        counts.ToString().Should().Be($"0 28000 {new FileInfo(path).Length}");
    }

    [Fact]
    public async Task CountAsync_JsonLines_HasOneLinePerRecord()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bcsample.json");
        var ct = TestContext.Current.CancellationToken;
        await BreadcrumbFile.WriteAsync(path, BreadcrumbFile.Generate(250, seed: 3), BreadcrumbFileFormat.JsonLines, ct);

        var counts = await BreadcrumbFile.CountAsync(path, ct);

        counts.Lines.Should().Be(250);
        counts.Words.Should().Be(7000);
    }

    [Fact]
    public async Task CountAsync_MissingFile_ThrowsFileNotFound()
    {
        using var dir = new TempDirectory();

        var act = () => BreadcrumbFile.CountAsync(dir.File("missing.json"), TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<FileNotFoundException>();
    }
}

using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Tests.TestSupport;

namespace Breadcrumb.Kafka.Tests.BadInput;

/// <summary>
/// Issue 9: a bcsample.json on disk that is malformed, truncated or holds wrong types fails with the file's path, the
/// line and the field; reading it whole first means nothing is produced from a bad file unless bad records are skipped.
/// </summary>
public sealed class BreadcrumbFileBadInputTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task ReadAsync_MalformedRecordInGeneratedFile_NamesPathLineAndRecord()
    {
        var lines = await GeneratedLinesAsync(20);
        lines[12] = lines[12].Replace("\": \"", "\" \"", StringComparison.Ordinal);
        var path = directory.Write("bcsample.json", string.Join('\n', lines));

        var error = await ReadAllErrorAsync(path);

        error.FilePath.Should().Be(path);
        error.Message.Should().StartWith($"{path} line 13").And.Contain("(record 12)").And.Contain("invalid JSON");
    }

    [Fact]
    public async Task ReadAsync_FileCutInTheMiddleOfARecord_SaysTruncated()
    {
        var path = directory.File("bcsample.json");
        await BreadcrumbFile.WriteAsync(path, BreadcrumbFile.Generate(50, seed: 4), cancellationToken: TestContext.Current.CancellationToken);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length * 2 / 3)], TestContext.Current.CancellationToken);

        var error = await ReadAllErrorAsync(path);

        error.Message.Should().StartWith(path).And.Contain("the file ends inside a record").And.Contain("truncated");
    }

    [Theory]
    [InlineData(BreadcrumbFileFormat.JsonArray, 1)]
    [InlineData(BreadcrumbFileFormat.JsonArray, 16)]
    [InlineData(BreadcrumbFileFormat.JsonArray, 17)]
    [InlineData(BreadcrumbFileFormat.JsonArray, 18)]
    [InlineData(BreadcrumbFileFormat.JsonArray, 25)]
    [InlineData(BreadcrumbFileFormat.JsonLines, 18)]
    [InlineData(BreadcrumbFileFormat.JsonLines, 25)]
    public async Task ReadAsync_CutAnywhereInsideTheLastRecord_SaysTruncatedNotInvalid(BreadcrumbFileFormat format, int bytesOfLastRecord)
    {
        // Issue 9 regression: a cut right after ": " (or ", ") used to be reported as "invalid JSON ... reached end of data".
        var path = directory.File("bcsample.json");
        await BreadcrumbFile.WriteAsync(path, BreadcrumbFile.Generate(3, seed: 5), format, TestContext.Current.CancellationToken);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        var lastRecord = Array.LastIndexOf(bytes, (byte)'{');
        await File.WriteAllBytesAsync(path, bytes[..(lastRecord + bytesOfLastRecord)], TestContext.Current.CancellationToken);

        var error = await ReadAllErrorAsync(path);

        error.Reason.Should().Be("the file ends inside a record", error.Message);
        error.RecordIndex.Should().Be(2);
    }

    [Theory]
    [InlineData("\"VELOCITY\": 12", "field VELOCITY must be a string, found Number")]
    [InlineData("\"VELOCITY\": null", "field VELOCITY must be a string, found null")]
    [InlineData("\"VELOCITY\": [\"9\"]", "field VELOCITY must be a string, found Array")]
    public async Task ReadAsync_WrongTypeInOneRecord_NamesTheFieldAndTheType(string replacement, string reason)
    {
        var lines = await GeneratedLinesAsync(5);
        lines[3] = System.Text.RegularExpressions.Regex.Replace(lines[3], "\"VELOCITY\": \"[^\"]*\"", replacement);
        var path = directory.Write("bcsample.json", string.Join('\n', lines));

        var error = await ReadAllErrorAsync(path);

        error.Reason.Should().Be(reason);
        error.Message.Should().StartWith($"{path} line 4");
    }

    [Fact]
    public async Task ReadAsync_SkipInvalidRecords_ReturnsTheGoodOnesAndCountsEachBadOne()
    {
        var lines = await GeneratedLinesAsync(10);
        lines[2] = lines[2].Replace("\"METERS\": \"", "\"METERS\": 1, \"X\": \"", StringComparison.Ordinal);
        lines[7] = "{\"EVENT_NO_TRIP\": \"16758 garbage";
        var path = directory.Write("bcsample.json", string.Join('\n', lines));
        var skipped = new List<BreadcrumbFileException>();

        var records = await BreadcrumbFile.ReadAsync(path, new BreadcrumbReadOptions { SkipInvalidRecords = true, InvalidRecordSkipped = skipped.Add }, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

        records.Should().HaveCount(8);
        skipped.Select(e => e.Line).Should().Equal(3L, 8L);
        skipped.Should().OnlyContain(e => e.FilePath == path);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_SaysWhereItLookedAndHowToGenerateOne()
    {
        var path = directory.File("nope.json");

        var act = () => BreadcrumbFile.ReadAsync(path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken).AsTask();

        (await act.Should().ThrowAsync<FileNotFoundException>()).Which.Message.Should().Contain(path).And.Contain("BreadcrumbFile.WriteAsync");
    }

    [Fact]
    public void ReadOptions_CallbackWithoutSkipping_IsRejectedBeforeReading()
    {
        var act = () => BreadcrumbFile.ReadAsync(directory.File("any.json"), new BreadcrumbReadOptions { InvalidRecordSkipped = _ => { } }, TestContext.Current.CancellationToken);

        act.Should().Throw<ArgumentException>().WithMessage("*InvalidRecordSkipped is set but SkipInvalidRecords is false*");
    }

    public void Dispose() => directory.Dispose();

    private static async Task<BreadcrumbFileException> ReadAllErrorAsync(string path)
    {
        // Reading the whole file before producing is how a caller makes a bad file send nothing at all.
        var act = () => BreadcrumbFile.ReadAsync(path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken).AsTask();
        return (await act.Should().ThrowAsync<BreadcrumbFileException>()).Which;
    }

    private async Task<string[]> GeneratedLinesAsync(int count)
    {
        var path = directory.File("generated.jsonl");
        await BreadcrumbFile.WriteAsync(path, BreadcrumbFile.Generate(count, seed: 7), BreadcrumbFileFormat.JsonLines, TestContext.Current.CancellationToken);
        return (await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken)).Where(l => l.Length > 0).ToArray();
    }
}

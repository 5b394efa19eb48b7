using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Tests.TestSupport;

namespace Breadcrumb.Kafka.Tests.Records;

/// <summary>
/// Each malformed input names the exact line, byte offset and record. <see cref="LabRecords.Json"/> is 339 bytes, so in
/// a JSON-lines file line 2 starts at byte 340 and line 3 at byte 680; in "[R, R]" the second record starts at byte 342.
/// Every case runs with 1-byte reads too, to show that buffer refills do not move positions.
/// </summary>
public sealed class BreadcrumbFileErrorTests
{
    private const string R = LabRecords.Json;
    private const string FieldHint = "Each of the fourteen fields must be a JSON string, e.g. \"METERS\": \"81607\"; an empty string \"\" means no reading.";

    public static TheoryData<int> ChunkSizes => [1, 65536];

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task ReadAsync_NumberWhereStringExpected_NamesFieldLineAndByte(int chunk)
    {
        var text = $"{R}\n{R}\n{R.Replace("\"81607\"", "81607", StringComparison.Ordinal)}\n";

        var error = await ReadErrorAsync(text, chunk);

        error.Message.Should().Be($"bcsample.json line 3, byte offset 798 (record 2): field METERS must be a string, found Number. {FieldHint} Or set BreadcrumbReadOptions.AllowNumbersAsStrings.");
        (error.FilePath, error.Line, error.BytePosition, error.RecordIndex).Should().Be(("bcsample.json", 3L, 798L, 2L));
        error.Reason.Should().Be("field METERS must be a string, found Number");
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task ReadAsync_ObjectInsideStringField_ReportsObject(int chunk)
    {
        var text = $"{R}\n{R}\n{R.Replace("\"VELOCITY\": \"9\"", "\"VELOCITY\": {\"value\": \"9\"}", StringComparison.Ordinal)}\n";

        var error = await ReadErrorAsync(text, chunk);

        error.Message.Should().Be($"bcsample.json line 3, byte offset 840 (record 2): field VELOCITY must be a string, found Object. {FieldHint}");
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData("true", "Boolean")]
    [InlineData("[\"9\"]", "Array")]
    public async Task ReadAsync_OtherWrongTypes_NameTheType(string value, string type)
    {
        var error = await ReadErrorAsync(R.Replace("\"9\"", value, StringComparison.Ordinal), 65536);

        error.Reason.Should().Be($"field VELOCITY must be a string, found {type}");
        (error.Line, error.BytePosition, error.RecordIndex).Should().Be((1L, 160L, 0L));
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task ReadAsync_TruncatedArray_SaysTruncatedAtTheEnd(int chunk)
    {
        var text = $"[{R}, {R[..200]}";

        var error = await ReadErrorAsync(text, chunk);

        error.Message.Should().Be("bcsample.json line 1, byte offset 542 (record 1): the file ends inside a record. The file looks truncated: copy or generate it again.");
        error.InnerException.Should().BeAssignableTo<System.Text.Json.JsonException>();
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task ReadAsync_TruncatedJsonLines_SaysTruncatedAtTheEnd(int chunk)
    {
        var text = $"{R}\n{R[..100]}";

        var error = await ReadErrorAsync(text, chunk);

        error.Message.Should().Be("bcsample.json line 2, byte offset 440 (record 1): the file ends inside a record. The file looks truncated: copy or generate it again.");
    }

    [Theory]
    [InlineData("\n\n  42", 3, 4, "'4'")]
    [InlineData("\"EVENT_NO_TRIP\": \"1\"", 1, 0, "'\"'")]
    [InlineData("\0\u0001garbage", 1, 0, "byte 0x00")]
    public async Task ReadAsync_UnknownTopLevelShape_SaysWhatItStartsWith(string text, long line, long offset, string shown)
    {
        var error = await ReadErrorAsync(text, 1);

        error.Message.Should().Be($"bcsample.json line {line}, byte offset {offset}: the file starts with {shown}, not '[' (a JSON array) or '{{' (one JSON object per line). Give a bcsample.json file: a JSON array of breadcrumb objects, or one object per line.");
        error.RecordIndex.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task ReadAsync_GarbageLine_ReportsInvalidJsonAtItsStart(int chunk)
    {
        var text = $"{R}\nhello world\n{R}\n";

        var error = await ReadErrorAsync(text, chunk);

        error.Message.Should().Be("bcsample.json line 2, byte offset 340 (record 1): invalid JSON: 'h' is an invalid start of a value. Check that the file is a JSON array of objects or one JSON object per line.");
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task ReadAsync_ArrayElementNotAnObject_ReportsIt(int chunk)
    {
        var error = await ReadErrorAsync($"[{R}, 42]", chunk);

        error.Message.Should().Be("bcsample.json line 1, byte offset 342 (record 1): expected a breadcrumb object, found Number. Each record must be a JSON object such as {\"EVENT_NO_TRIP\": \"167589364\", ...}.");
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task ReadAsync_MisspeltField_ReportsTheMissingOneAtRecordStart(int chunk)
    {
        var text = $"{R}\n{R.Replace("GPS_HDOP", "GPS_HODP", StringComparison.Ordinal)}\n";

        var error = await ReadErrorAsync(text, chunk);

        error.Message.Should().Be("bcsample.json line 2, byte offset 340 (record 1): the record has no field GPS_HDOP. Add it (\"\" if there is no reading), check its spelling, or set BreadcrumbReadOptions.AllowMissingFields.");
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InAString_ReportsTheField()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(R.Replace("\"1776\"", "\"17?6\"", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;
        using var stream = new ChunkedStream(bytes, 65536);

        var act = () => BreadcrumbFile.ReadAsync(stream, "bcsample.json").ToListAsync().AsTask();

        (await act.Should().ThrowAsync<BreadcrumbFileException>()).Which.Message.Should().Be(
            "bcsample.json line 1, byte offset 100 (record 0): field VEHICLE_ID is not valid UTF-8 text. Save the file as UTF-8.");
    }

    [Fact]
    public async Task ReadAsync_DuplicatedField_PointsAtTheSecondValue()
    {
        var error = await ReadErrorAsync(R.Replace("\"METERS\": \"81607\"", "\"METERS\": \"81607\", \"METERS\": \"81608\"", StringComparison.Ordinal), 65536);

        error.Message.Should().Be("bcsample.json line 1, byte offset 137 (record 0): field METERS appears twice in the record. Keep one of the two.");
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task ReadAsync_DataAfterArray_ReportsIt(int chunk)
    {
        var error = await ReadErrorAsync($"[{R}]\n x", chunk);

        (error.Line, error.BytePosition).Should().Be((2L, 343L));
        error.Reason.Should().StartWith("invalid JSON: 'x' is invalid after a single JSON value");
    }

    [Fact]
    public async Task ReadAsync_TrailingCommaInArray_ReportsTheBracket()
    {
        var error = await ReadErrorAsync($"[{R},]", 65536);

        (error.Line, error.BytePosition, error.RecordIndex).Should().Be((1L, 341L, 1L));
        error.Reason.Should().StartWith("invalid JSON: ");
    }

    [Fact]
    public async Task ReadAsync_RecordLongerThanMax_StopsAtItsStart()
    {
        var text = $"{R}\n{R.Replace("\"1776\"", "\"" + new string('7', 2000) + "\"", StringComparison.Ordinal)}\n";

        var error = await ReadErrorAsync(text, 65536, new BreadcrumbReadOptions { MaxRecordBytes = 1024 });

        error.Message.Should().Be("bcsample.json line 2, byte offset 340 (record 1): the record is longer than 1024 bytes. Look for a missing closing quote or '}' here, or raise BreadcrumbReadOptions.MaxRecordBytes.");
    }

    [Fact]
    public async Task ReadAsync_SkipInvalidRecords_SkipsAndReportsEach()
    {
        var lines = new[]
        {
            R,
            R.Replace("\"81607\"", "81607", StringComparison.Ordinal),
            "{\"EVENT_NO_TRIP\": \"16758 garbage",
            LabRecords.FirstJson,
            R.Replace("GPS_HDOP", "GPS_HODP", StringComparison.Ordinal),
            "[1, 2]",
            R,
        };
        var skipped = new List<BreadcrumbFileException>();
        var options = new BreadcrumbReadOptions { SkipInvalidRecords = true, InvalidRecordSkipped = skipped.Add };

        var records = await LabRecords.ReadAllAsync(string.Join('\n', lines), 1, options);

        records.Should().Equal(LabRecords.Record, LabRecords.First, LabRecords.Record);
        skipped.Select(e => (e.Line, e.RecordIndex, e.Reason)).Should().Equal(
            (2L, 1L, "field METERS must be a string, found Number"),
            (3L, 2L, "invalid JSON: '0x0A' is invalid within a JSON string. The string should be correctly escaped"),
            (5L, 4L, "the record has no field GPS_HDOP"),
            (6L, 5L, "expected a breadcrumb object, found Array"));
    }

    [Fact]
    public async Task ReadAsync_SkipInvalidRecordsInArray_StillStopsOnBrokenJson()
    {
        var options = new BreadcrumbReadOptions { SkipInvalidRecords = true };

        var error = await ReadErrorAsync($"[{R}, {{\"METERS\" \"1\"}}, {R}]", 65536, options);

        error.Reason.Should().StartWith("invalid JSON: ");
        (error.Line, error.BytePosition, error.RecordIndex).Should().Be((1L, 352L, 1L));
    }

    private static async Task<BreadcrumbFileException> ReadErrorAsync(string text, int chunk, BreadcrumbReadOptions? options = null)
    {
        var act = () => LabRecords.ReadAllAsync(text, chunk, options);
        return (await act.Should().ThrowAsync<BreadcrumbFileException>()).Which;
    }
}

using System.Text;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Tests.TestSupport;

namespace Breadcrumb.Kafka.Tests.Records;

public sealed class BreadcrumbFileReadTests
{
    public static TheoryData<int> ChunkSizes => [1, 7, 339, 65536];

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task ReadAsync_JsonArray_ReturnsRecordsInOrder(int chunk)
    {
        var text = $"[{LabRecords.FirstJson}, {LabRecords.Json}]";

        var records = await LabRecords.ReadAllAsync(text, chunk);

        records.Should().Equal(LabRecords.First, LabRecords.Record);
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task ReadAsync_JsonLines_ReturnsRecordsInOrder(int chunk)
    {
        var text = $"{LabRecords.FirstJson}\n{LabRecords.Json}\n\n{LabRecords.FirstJson}\n";

        var records = await LabRecords.ReadAllAsync(text, chunk);

        records.Should().Equal(LabRecords.First, LabRecords.Record, LabRecords.First);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\r\n\t")]
    [InlineData("[]")]
    [InlineData(" [ \n ] \n")]
    public async Task ReadAsync_NoRecords_ReturnsNone(string text)
    {
        var records = await LabRecords.ReadAllAsync(text);

        records.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_PrettyPrintedArrayWithBom_ReadsIt()
    {
        var text = "\uFEFF[\n  " + LabRecords.Json.Replace(", ", ",\n    ", StringComparison.Ordinal) + "\n]\n";

        var records = await LabRecords.ReadAllAsync(text, chunk: 5);

        records.Should().Equal(LabRecords.Record);
    }

    [Fact]
    public async Task ReadAsync_UnknownFieldsOfAnyType_IgnoresThem()
    {
        var text = LabRecords.Json.Replace("{", """{"EXTRA": {"a": [1, {"b": "}"}]}, "NOTE": 5, "FLAG": null, """, StringComparison.Ordinal);

        var records = await LabRecords.ReadAllAsync(text, chunk: 3);

        records.Should().Equal(LabRecords.Record);
    }

    [Fact]
    public async Task ReadAsync_EscapedAndNonAsciiStrings_Unescapes()
    {
        var text = LabRecords.Json.Replace("\"10-SEP-20\"", "\"10-S\\u00C9P-\\\"20\\\"\"", StringComparison.Ordinal)
            .Replace("\"1776\"", "\"Zürich\"", StringComparison.Ordinal);

        var records = await LabRecords.ReadAllAsync(text, chunk: 1);

        records.Single().OpdDate.Should().Be("10-SÉP-\"20\"");
        records.Single().VehicleId.Should().Be("Zürich");
    }

    [Fact]
    public async Task ReadAsync_FieldsInAnyOrder_MapsByName()
    {
        var text = """{"SCHEDULE_DEVIATION": "-1249", "GPS_HDOP": "1.1", "GPS_SATELLITES": "8", "GPS_LATITUDE": "45.514747", "GPS_LONGITUDE": "-122.679773", "RADIO_QUALITY": "", "DIRECTION": "205", "VELOCITY": "9", "ACT_TIME": "29171", "METERS": "81607", "VEHICLE_ID": "1776", "OPD_DATE": "10-SEP-20", "EVENT_NO_STOP": "167589399", "EVENT_NO_TRIP": "167589389"}""";

        var records = await LabRecords.ReadAllAsync(text);

        records.Should().Equal(LabRecords.Record);
    }

    [Fact]
    public async Task ReadAsync_NumbersAllowed_TakesTheNumberText()
    {
        var text = LabRecords.Json.Replace("\"81607\"", "81607", StringComparison.Ordinal).Replace("\"-1249\"", "-1.249e3", StringComparison.Ordinal);

        var records = await LabRecords.ReadAllAsync(text, options: new BreadcrumbReadOptions { AllowNumbersAsStrings = true });

        records.Single().Should().Be(LabRecords.Record with { ScheduleDeviation = "-1.249e3" });
    }

    [Fact]
    public async Task ReadAsync_MissingFieldsAllowed_ReadsThemAsEmpty()
    {
        var text = """{"METERS": "81607"}""";

        var records = await LabRecords.ReadAllAsync(text, options: new BreadcrumbReadOptions { AllowMissingFields = true });

        records.Single().Should().Be(new BreadcrumbRecord { Meters = "81607" });
    }

    [Fact]
    public async Task ReadAsync_FromPath_ReadsFileAndClosesIt()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bcsample.json", $"[{LabRecords.Json}]");

        var records = await BreadcrumbFile.ReadAsync(path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        records.Should().Equal(LabRecords.Record);
        File.Delete(path);
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsFileNotFoundNamingThePath()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nope.json");

        var act = () => BreadcrumbFile.ReadAsync(path).ToListAsync().AsTask();

        (await act.Should().ThrowAsync<FileNotFoundException>())
            .Which.Message.Should().StartWith($"Breadcrumb file '{path}' was not found (full path: {path}).");
    }

    [Fact]
    public async Task ReadAsync_Canceled_StopsBetweenRecords()
    {
        using var cts = new CancellationTokenSource();
        var text = string.Join('\n', Enumerable.Repeat(LabRecords.Json, 10));
        using var stream = new ChunkedStream(Encoding.UTF8.GetBytes(text), 65536);
        var read = 0;

        var act = async () =>
        {
            await foreach (var _ in BreadcrumbFile.ReadAsync(stream, "bcsample.json", cancellationToken: cts.Token))
            {
                if (++read == 3)
                {
                    await cts.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        read.Should().Be(3);
    }

    [Theory]
    [InlineData(1023, "BreadcrumbReadOptions.MaxRecordBytes must be between 1024 and 1073741824 (was 1023).*")]
    [InlineData(1073741825, "BreadcrumbReadOptions.MaxRecordBytes must be between 1024 and 1073741824 (was 1073741825).*")]
    public void ReadAsync_MaxRecordBytesOutOfRange_ThrowsAtOnce(int max, string message)
    {
        var act = () => BreadcrumbFile.ReadAsync("bcsample.json", new BreadcrumbReadOptions { MaxRecordBytes = max });

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void ReadAsync_CallbackWithoutSkipping_ThrowsAtOnce()
    {
        var act = () => BreadcrumbFile.ReadAsync("bcsample.json", new BreadcrumbReadOptions { InvalidRecordSkipped = _ => { } });

        act.Should().Throw<ArgumentException>().WithMessage(
            "BreadcrumbReadOptions.InvalidRecordSkipped is set but SkipInvalidRecords is false, so it would never be called; set SkipInvalidRecords = true.*");
    }
}

using System.Text.Json;
using Breadcrumb.Kafka.Tests.TestSupport;

namespace Breadcrumb.Kafka.Tests.Records;

public sealed class BreadcrumbRecordJsonTests
{
    [Fact]
    public void Serialize_AllFourteenFields_UsesTheLabNamesInOrder()
    {
        var json = JsonSerializer.Serialize(LabRecords.First, BreadcrumbJsonContext.Default.BreadcrumbRecord);

        json.Should().Be(
            """{"EVENT_NO_TRIP":"167589364","EVENT_NO_STOP":"167589369","OPD_DATE":"10-SEP-20","VEHICLE_ID":"1776","METERS":"354","ACT_TIME":"21756","VELOCITY":"","DIRECTION":"","RADIO_QUALITY":"","GPS_LONGITUDE":"-122.604897","GPS_LATITUDE":"45.63653","GPS_SATELLITES":"9","GPS_HDOP":"1","SCHEDULE_DEVIATION":""}""");
    }

    [Theory]
    [InlineData(LabRecords.Json)]
    [InlineData(LabRecords.FirstJson)]
    public void Deserialize_LabJson_RoundTripsEveryFieldIncludingEmpties(string labJson)
    {
        var record = JsonSerializer.Deserialize(labJson, BreadcrumbJsonContext.Default.BreadcrumbRecord)!;
        var again = JsonSerializer.Deserialize(
            JsonSerializer.Serialize(record, BreadcrumbJsonContext.Default.BreadcrumbRecord),
            BreadcrumbJsonContext.Default.BreadcrumbRecord);

        again.Should().Be(record);
        using var expected = JsonDocument.Parse(labJson);
        foreach (var property in expected.RootElement.EnumerateObject())
        {
            var value = typeof(BreadcrumbRecord).GetProperties()
                .Single(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false)
                    .Cast<System.Text.Json.Serialization.JsonPropertyNameAttribute>().Single().Name == property.Name)
                .GetValue(record);
            value.Should().Be(property.Value.GetString(), because: property.Name);
        }
    }

    [Fact]
    public void Deserialize_LabFirstRecord_KeepsEmptiesAsEmptyStrings()
    {
        var record = JsonSerializer.Deserialize(LabRecords.FirstJson, BreadcrumbJsonContext.Default.BreadcrumbRecord);

        record.Should().Be(LabRecords.First);
        record!.Velocity.Should().BeEmpty();
        record.ScheduleDeviation.Should().BeEmpty();
    }

    [Fact]
    public void NewRecord_NoValues_HasEmptyStringsNotNulls()
    {
        var sut = new BreadcrumbRecord();

        typeof(BreadcrumbRecord).GetProperties().Where(p => p.PropertyType == typeof(string))
            .Select(p => p.GetValue(sut)).Should().HaveCount(14).And.AllBeEquivalentTo(string.Empty);
    }
}

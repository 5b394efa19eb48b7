using System.Text.Json;
using Breadcrumb.Kafka.Producing;

namespace Breadcrumb.Kafka.Tests.Producing;

public sealed class SendBuffersTests
{
    private static readonly BreadcrumbRecord Record = new()
    {
        EventNoTrip = "167589364",
        OpdDate = "10-SEP-20",
        VehicleId = "1776",
        GpsLongitude = "-122.604897",
        ScheduleDeviation = "ü-\"quoted\"",
    };

    [Fact]
    public void Serialize_GivesTheSameBytesAsTheSourceGeneratedSerializer()
    {
        var sut = new SendScratch<BreadcrumbRecord>(KafkaSerdes.Json(BreadcrumbJsonContext.Default.BreadcrumbRecord), "t", reuseValues: true);

        var bytes = sut.Serialize(Record, null)!;

        bytes.Should().Equal(JsonSerializer.SerializeToUtf8Bytes(Record, BreadcrumbJsonContext.Default.BreadcrumbRecord));
    }

    [Fact]
    public void Serialize_Reusing_SameLengthGivesTheSameArrayWithNewContent()
    {
        var sut = new SendScratch<BreadcrumbRecord>(KafkaSerdes.Json(BreadcrumbJsonContext.Default.BreadcrumbRecord), "t", reuseValues: true);
        var first = sut.Serialize(Record with { VehicleId = "1776" }, null);

        var second = sut.Serialize(Record with { VehicleId = "1777" }, null)!;

        second.Should().BeSameAs(first);
        JsonSerializer.Deserialize(second, BreadcrumbJsonContext.Default.BreadcrumbRecord)!.VehicleId.Should().Be("1777");
    }

    [Fact]
    public void Serialize_NotReusing_GivesFreshArrays()
    {
        var sut = new SendScratch<BreadcrumbRecord>(KafkaSerdes.Json(BreadcrumbJsonContext.Default.BreadcrumbRecord), "t", reuseValues: false);
        var first = sut.Serialize(Record, null)!;

        var second = sut.Serialize(Record, null)!;

        second.Should().NotBeSameAs(first).And.Equal(first);
    }

    [Fact]
    public void KeyBytes_SameKey_EncodedOnceAndMappedBack()
    {
        var sut = new KeyBytesCache();

        var first = sut.GetBytes("producer0");
        var second = sut.GetBytes(new string("producer0".AsSpan()));

        second.Should().BeSameAs(first);
        sut.GetKey(first).Should().Be("producer0");
        sut.GetBytes(null).Should().BeNull();
        sut.GetKey("5"u8.ToArray()).Should().Be("5");
    }
}

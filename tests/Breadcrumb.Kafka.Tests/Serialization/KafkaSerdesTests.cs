using System.Buffers;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Tests.Serialization;

public sealed class KafkaSerdesTests
{
    private static readonly SerializationContext Value = new(MessageComponentType.Value, "t");

    [Fact]
    public void Json_Breadcrumb_RoundTripsTheLabsFieldNames()
    {
        var sut = KafkaSerdes.Json(BreadcrumbJsonContext.Default.BreadcrumbRecord);
        var record = Filled() with { VehicleId = "1776" };

        var buffer = new ArrayBufferWriter<byte>();
        sut.Serialize(record, buffer, Value);

        Encoding.UTF8.GetString(buffer.WrittenSpan).Should().Contain("\"VEHICLE_ID\":\"1776\"");
        sut.Deserialize(buffer.WrittenSpan, Value).Should().Be(record);
    }

    [Fact]
    public void Json_OtherShapeReadAsBreadcrumb_FailsNamingTheTypeAndTheMissingFields_Issue20()
    {
        var sut = KafkaSerdes.Json(BreadcrumbJsonContext.Default.BreadcrumbRecord);

        var act = () => sut.Deserialize("""{"orderId":5}"""u8, Value);

        act.Should().Throw<JsonException>().WithMessage("*BreadcrumbRecord*missing required properties*EVENT_NO_TRIP*");
    }

    [Fact]
    public void Json_EmptyStringsPresent_AreLegalValues()
    {
        var sut = KafkaSerdes.Json(BreadcrumbJsonContext.Default.BreadcrumbRecord);
        var json = JsonSerializer.SerializeToUtf8Bytes(new BreadcrumbRecord(), BreadcrumbJsonContext.Default.BreadcrumbRecord);

        sut.Deserialize(json, Value).Should().Be(new BreadcrumbRecord());
    }

    [Fact]
    public async Task FromConfluent_SyncSerializers_RoundTrip()
    {
        var sut = KafkaSerdes.FromConfluent(Serializers.Int64, Deserializers.Int64);

        var bytes = await sut.SerializeAsync(42L, Value);

        sut.IsAsynchronous.Should().BeFalse();
        sut.Deserialize(bytes, Value).Should().Be(42L);
    }

    [Fact]
    public void FromConfluent_DeserializerOnly_SerializeSaysWhatIsMissing()
    {
        var sut = KafkaSerdes.FromConfluent(Deserializers.Utf8);

        var act = () => sut.Serialize("x", new ArrayBufferWriter<byte>(), Value);

        act.Should().Throw<NotSupportedException>().WithMessage("*made from a Confluent deserializer only*give KafkaSerdes.FromConfluent a serializer too*");
    }

    [Fact]
    public async Task FromConfluent_AsyncSerializers_AreAsynchronousAndRoundTrip()
    {
        var sut = KafkaSerdes.FromConfluent<string>(new AsyncUtf8(), new AsyncUtf8());

        var bytes = await sut.SerializeAsync("schema", Value);
        var read = await sut.DeserializeAsync(bytes, Value);
        var sync = () => sut.Serialize("x", new ArrayBufferWriter<byte>(), Value);

        sut.IsAsynchronous.Should().BeTrue();
        read.Should().Be("schema");
        sync.Should().Throw<NotSupportedException>().WithMessage("*asynchronous Confluent serializer: send with SendAsync, not Send.");
    }

    [Fact]
    public void FromConfluent_NeitherAsyncSerializerNorDeserializer_Throws()
    {
        var act = () => KafkaSerdes.FromConfluent((IAsyncSerializer<string>?)null, null);

        act.Should().Throw<ArgumentException>().WithMessage("KafkaSerdes.FromConfluent: give a serializer, a deserializer or both*");
    }

    [Fact]
    public void Producer_NoValueSerializerForOwnType_SaysHowToSetIt()
    {
        var act = () => new KafkaProducer<string, BreadcrumbRecord>(
            KafkaConnection.FromBootstrapServers("localhost:9092"), new KafkaProducerOptions<string, BreadcrumbRecord> { Topic = "t" });

        act.Should().Throw<ArgumentException>().WithMessage(
            "KafkaProducerOptions.ValueSerializer is not set and BreadcrumbRecord has no built-in serde: set it, for example to KafkaSerdes.Json(MyJsonContext.Default.BreadcrumbRecord)*");
    }

    private static BreadcrumbRecord Filled() => new() { EventNoTrip = "1", OpdDate = "10-SEP-20", GpsLatitude = "45.5" };

    private sealed class AsyncUtf8 : IAsyncSerializer<string>, IAsyncDeserializer<string>
    {
        public Task<byte[]> SerializeAsync(string data, SerializationContext context) => Task.FromResult(Encoding.UTF8.GetBytes(data));

        public Task<string> DeserializeAsync(ReadOnlyMemory<byte> data, bool isNull, SerializationContext context) => Task.FromResult(Encoding.UTF8.GetString(data.Span));
    }
}

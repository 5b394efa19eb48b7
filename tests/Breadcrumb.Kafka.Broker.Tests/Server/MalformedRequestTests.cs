using System.Buffers.Binary;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Conformance;
using Breadcrumb.Kafka.Broker.Tests.Protocol;

namespace Breadcrumb.Kafka.Broker.Tests.Server;

/// <summary>Malformed request bodies close only the connection that sent them; the broker keeps serving everyone else.</summary>
public sealed class MalformedRequestTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task Request_ShorterThanAHeader_ClosesOnlyThatConnection()
    {
        await AssertClosesOnlyItsConnectionAsync([0, 3], "two bytes");
        await AssertClosesOnlyItsConnectionAsync([], "an empty frame");
        await AssertClosesOnlyItsConnectionAsync([0, 18, 0, 2, 0, 0], "a header cut in its correlation id");
    }

    [Fact(Timeout = 30_000)]
    public async Task Request_TruncatedBody_ClosesOnlyThatConnection()
    {
        var whole = Body(new MetadataRequest { Topics = [new() { Name = "some-topic" }, new() { Name = "other" }] }, 12);
        for (var cut = 12; cut < whole.Length; cut += 3)
        {
            await AssertClosesOnlyItsConnectionAsync(whole[..cut], $"Metadata v12 cut at byte {cut} of {whole.Length}");
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Request_ArrayLengthThatLies_ClosesOnlyThatConnection()
    {
        // Produce v3 (classic layout): transactional id null, acks, timeout, then the topic array's INT32 count.
        var produce = Body(new ProduceRequest { Acks = -1, TimeoutMs = 1000 }, 3);
        var countAt = produce.Length - 4;
        foreach (var count in new[] { 1_000_000, int.MaxValue, -2, 5 })
        {
            var lying = (byte[])produce.Clone();
            BinaryPrimitives.WriteInt32BigEndian(lying.AsSpan(countAt), count);
            await AssertClosesOnlyItsConnectionAsync(lying, $"a topic count of {count} with no topics after it");
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Request_CompactLengthsThatLie_ClosesOnlyThatConnection()
    {
        // Metadata v12 (flexible): header, then the compact topic array's varint count.
        var metadata = Body(new MetadataRequest { Topics = [] }, 12);
        var countAt = metadata.Length - 4; // count, allow_auto_topic_creation, include_topic_authorized_operations, tags
        foreach (var varint in new byte[][] { [0xFF, 0xFF, 0xFF, 0xFF, 0x0F], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80], [0xE0, 0xA8, 0x01] })
        {
            byte[] bad = [.. metadata[..countAt], .. varint, 0, 0, 0];
            await AssertClosesOnlyItsConnectionAsync(bad, $"varint {Convert.ToHexString(varint)}");
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Request_StringLengthPastTheEnd_ClosesOnlyThatConnection()
    {
        var request = Body(new CreateTopicsRequest { Topics = [new() { Name = "abc", NumPartitions = 1, ReplicationFactor = 1 }] }, 4);
        // In CreateTopics v4 the topic name's INT16 length follows the header and the topic array's INT32 count.
        var nameAt = 2 + 2 + 4 + 2 + "raw-test".Length + 4;
        BinaryPrimitives.ReadInt16BigEndian(request.AsSpan(nameAt)).Should().Be(3);
        BinaryPrimitives.WriteInt16BigEndian(request.AsSpan(nameAt), short.MaxValue);

        await AssertClosesOnlyItsConnectionAsync(request, "a name length of 32767");
    }

    [Fact(Timeout = 30_000)]
    public async Task Request_WithBytesLeftAfterTheBody_IsStillAnswered()
    {
        // Kafka reads what the version defines and ignores the rest of the frame.
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        byte[] padded = [.. Body(new ApiVersionsRequest(), 2), 1, 2, 3];

        await connection.SendFrameAsync(padded);

        var frame = await connection.ReadFrameAsync();
        frame.Should().NotBeNull();
        RawKafkaConnection.Decode<ApiVersionsResponse>(frame!, 1, 0, 2).ErrorCode.Should().Be(0);
    }

    private static byte[] Body(IKafkaMessage request, short version) => RawKafkaConnection.EncodeRequest(request, version, 1)[4..];

    private async Task AssertClosesOnlyItsConnectionAsync(byte[] body, string what)
    {
        await using var bystander = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        await connection.SendFrameAsync(body);

        (await connection.ReadFrameAsync()).Should().BeNull($"{what} closes its connection without an answer");
        (await bystander.SendAsync<ApiVersionsResponse>(new ApiVersionsRequest(), 2)).ErrorCode.Should().Be(0, $"other connections still work after {what}");
        await using var next = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        (await next.SendAsync<MetadataResponse>(new MetadataRequest { Topics = null }, 12)).Brokers.Should().ContainSingle($"new connections are served after {what}");
    }
}

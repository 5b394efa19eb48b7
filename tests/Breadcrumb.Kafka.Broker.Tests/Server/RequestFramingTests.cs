using System.Buffers.Binary;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Conformance;
using Breadcrumb.Kafka.Broker.Tests.Protocol;

namespace Breadcrumb.Kafka.Broker.Tests.Server;

/// <summary>
/// Frame sizes, API keys and versions the broker refuses: Kafka closes the connection rather than answer, and so
/// does this broker, for that connection only; it does not buffer a frame it will refuse.
/// </summary>
public sealed class RequestFramingTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    public static TheoryData<int> RefusedSizes() => [(100 * 1024 * 1024) + 1, int.MaxValue, -1, -12, int.MinValue];

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(RefusedSizes))]
    public async Task FrameSize_OverMaxRequestBytesOrNegative_ClosesTheConnectionWithoutWaitingForTheBody(int size)
    {
        await using var bystander = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var prefix = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(prefix, size);

        await connection.WriteRawAsync(prefix);

        (await connection.WaitUntilClosedAsync()).Should().BeTrue("only the 4-byte size was sent, and the broker refuses it at once");
        (await bystander.SendAsync<ApiVersionsResponse>(new ApiVersionsRequest(), 2)).ErrorCode.Should().Be(0, "other connections are untouched");
        await TestClients.AssertRoundTripAsync(fixture.Cluster, $"frame size {size}");
    }

    [Fact(Timeout = 30_000)]
    public async Task FrameSize_OverACustomMaxRequestBytes_ClosesButAFrameAtTheLimitIsServed()
    {
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { MaxRequestBytes = 4096 });
        await using var connection = await RawKafkaConnection.ConnectAsync(cluster);
        var atLimit = RawKafkaConnection.EncodeRequest(new MetadataRequest { Topics = [new() { Name = new string('a', 4096 - 42) }], AllowAutoTopicCreation = false }, 12, 1);
        BinaryPrimitives.ReadInt32BigEndian(atLimit).Should().Be(4096);

        await connection.WriteRawAsync(atLimit);
        (await connection.ReadFrameAsync()).Should().NotBeNull("a frame within the limit is answered");
        await connection.WriteRawAsync(new byte[] { 0, 0, 0x10, 0x01 });

        (await connection.WaitUntilClosedAsync()).Should().BeTrue("4097 bytes is over KafkaClusterOptions.MaxRequestBytes");
    }

    [Theory(Timeout = 30_000)]
    [InlineData((short)27)] // WriteTxnMarkers: broker to broker
    [InlineData((short)4)] // LeaderAndIsr: controller to broker, gone in Kafka 4
    [InlineData((short)999)]
    [InlineData((short)-1)]
    public async Task Request_UnknownApiKey_ClosesTheConnection(short apiKey)
    {
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        await connection.SendFrameAsync(HeaderOnly(apiKey, 0));

        (await connection.ReadFrameAsync()).Should().BeNull("Kafka closes the connection instead of answering");
        await TestClients.AssertRoundTripAsync(fixture.Cluster, $"API key {apiKey}");
    }

    [Theory(Timeout = 30_000)]
    [InlineData(ProduceRequest.ApiKey)]
    [InlineData(FetchRequest.ApiKey)]
    [InlineData(MetadataRequest.ApiKey)]
    [InlineData(CreateTopicsRequest.ApiKey)]
    public async Task Request_VersionOutsideTheServedRange_ClosesTheConnection(short apiKey)
    {
        var api = fixture.Cluster.Core.Dispatcher.Served.Single(a => a.Key == apiKey);
        foreach (var version in new[] { (short)(api.MaxVersion + 1), (short)(api.MinVersion - 1), short.MaxValue })
        {
            await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

            await connection.SendFrameAsync(HeaderOnly(apiKey, version));

            (await connection.ReadFrameAsync()).Should().BeNull($"{api.Name} v{version} is not served, and Kafka closes the connection");
        }

        await TestClients.AssertRoundTripAsync(fixture.Cluster, $"API key {apiKey}, versions outside the range");
    }

    [Fact(Timeout = 30_000)]
    public async Task Requests_PipelinedInOneWrite_AreAnsweredInOrder()
    {
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var frames = Enumerable.Range(1, 20).SelectMany(id => RawKafkaConnection.EncodeRequest(new ApiVersionsRequest(), 2, id)).ToArray();

        await connection.WriteRawAsync(frames);

        for (var id = 1; id <= 20; id++)
        {
            var frame = await connection.ReadFrameAsync() ?? throw new IOException("closed");
            RawKafkaConnection.Decode<ApiVersionsResponse>(frame, id, 0, 2).ErrorCode.Should().Be(0);
        }
    }

    private static byte[] HeaderOnly(short apiKey, short version) =>
        [(byte)(apiKey >> 8), (byte)apiKey, (byte)(version >> 8), (byte)version, 0, 0, 0, 9, 0xFF, 0xFF, 0];
}

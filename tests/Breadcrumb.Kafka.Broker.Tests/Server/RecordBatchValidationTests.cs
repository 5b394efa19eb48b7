using System.Buffers.Binary;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Protocol.Records;
using Breadcrumb.Kafka.Broker.Tests.Conformance;
using Breadcrumb.Kafka.Broker.Tests.Protocol;
using ErrorCode = Breadcrumb.Kafka.Broker.Protocol.ErrorCode;

namespace Breadcrumb.Kafka.Broker.Tests.Server;

/// <summary>Record batches Kafka refuses on produce, with Kafka's error codes; nothing of them is stored and the broker keeps serving.</summary>
public sealed class RecordBatchValidationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public Task Produce_BatchLengthMinusTwelve_IsCorruptMessage() =>
        AssertRefusedAsync(Patch(Valid(), b => BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(RecordBatchLayout.BatchLengthAt), -12)), ErrorCode.CorruptMessage);

    [Fact(Timeout = 30_000)]
    public Task Produce_BatchLengthPastTheRecords_IsCorruptMessage() =>
        AssertRefusedAsync(Valid()[..^5], ErrorCode.CorruptMessage);

    [Fact(Timeout = 30_000)]
    public Task Produce_ShorterThanABatchHeader_IsCorruptMessage() =>
        AssertRefusedAsync(Valid()[..40], ErrorCode.CorruptMessage);

    [Fact(Timeout = 30_000)]
    public Task Produce_WrongCrc_IsCorruptMessage() =>
        AssertRefusedAsync(Patch(Valid(), b => b[^1] ^= 0x40, reseal: false), ErrorCode.CorruptMessage);

    [Theory(Timeout = 30_000)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public Task Produce_MagicOtherThanTwo_IsInvalidRecord(byte magic) =>
        AssertRefusedAsync(Patch(Valid(), b => b[RecordBatchLayout.MagicAt] = magic), ErrorCode.InvalidRecord);

    [Fact(Timeout = 30_000)]
    public Task Produce_ControlBatchFromAClient_IsInvalidRecord() =>
        AssertRefusedAsync(new TestBatch { Attributes = RecordBatchLayout.ControlFlag | RecordBatchLayout.TransactionalFlag, ProducerId = 5, ProducerEpoch = 0, BaseSequence = 0 }.Encode(), ErrorCode.InvalidRecord);

    [Fact(Timeout = 30_000)]
    public Task Produce_TwoBatchesForOnePartition_IsInvalidRecord() =>
        AssertRefusedAsync([.. Valid(), .. Valid()], ErrorCode.InvalidRecord);

    [Fact(Timeout = 30_000)]
    public Task Produce_EmptyRecords_IsInvalidRecord() => AssertRefusedAsync([], ErrorCode.InvalidRecord);

    [Fact(Timeout = 30_000)]
    public Task Produce_LastOffsetDeltaDisagreesWithRecordCount_IsInvalidRecord() =>
        AssertRefusedAsync(Patch(Valid(), b => BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(RecordBatchLayout.LastOffsetDeltaAt), 4)), ErrorCode.InvalidRecord);

    [Fact(Timeout = 30_000)]
    public Task Produce_RecordCountAboveTheRecordsPresent_IsInvalidRecord() =>
        AssertRefusedAsync(Patch(Valid(), b =>
        {
            BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(RecordBatchLayout.RecordCountAt), 3);
            BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(RecordBatchLayout.LastOffsetDeltaAt), 2);
        }), ErrorCode.InvalidRecord);

    [Fact(Timeout = 30_000)]
    public Task Produce_GarbageRecordsUnderAValidCrc_IsInvalidRecord() =>
        AssertRefusedAsync(Patch(Valid(), b => b.AsSpan(RecordBatchLayout.HeaderSize).Fill(0xFF)), ErrorCode.InvalidRecord);

    [Fact(Timeout = 30_000)]
    public Task Produce_RecordLengthPastTheBatch_IsInvalidRecord() =>
        AssertRefusedAsync(Patch(Valid(), b => b[RecordBatchLayout.HeaderSize] = 0x7E), ErrorCode.InvalidRecord);

    [Fact(Timeout = 30_000)]
    public async Task Produce_RecordWithoutKeyToACompactedTopic_IsInvalidRecord()
    {
        var topic = fixture.CreateTopic(configs: new Dictionary<string, string> { ["cleanup.policy"] = "compact" });
        await AssertRefusedAsync(Valid(), ErrorCode.InvalidRecord, topic);
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_AcksZeroWithACorruptBatch_ClosesTheConnectionSoTheProducerNotices()
    {
        var topic = fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        await connection.WriteRawAsync(RawKafkaConnection.EncodeRequest(TestBatch.Produce(topic, 0, Patch(Valid(), b => b[^1] ^= 1, reseal: false), acks: 0), 11, 1));

        (await connection.WaitUntilClosedAsync()).Should().BeTrue();
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(0);
    }

    private static byte[] Valid() => new TestBatch { Values = ["one"] }.Encode();

    private static byte[] Patch(byte[] batch, Action<byte[]> change, bool reseal = true)
    {
        change(batch);
        if (reseal)
        {
            TestBatch.Reseal(batch);
        }

        return batch;
    }

    private async Task AssertRefusedAsync(byte[] records, ErrorCode expected, string? topic = null)
    {
        topic ??= fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        var result = TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, records), 11));

        ((ErrorCode)result.ErrorCode).Should().Be(expected, result.ErrorMessage);
        result.BaseOffset.Should().Be(-1);
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(0, "nothing of a refused batch is stored");
        var good = TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, new TestBatch { Key = "k", Values = ["fine"] }.Encode()), 11));
        good.ErrorCode.Should().Be(0, "the connection and the partition still take a valid batch");
        var fetched = await connection.SendAsync<FetchResponse>(TestBatch.Fetch(topic, 0, 0), 12);
        fetched.Responses.Single().Partitions.Single().Records.Length.Should().BeGreaterThan(RecordBatchLayout.HeaderSize);
    }
}

using System.Buffers.Binary;
using System.Text;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Protocol.Records;

namespace Breadcrumb.Kafka.Broker.Tests.Protocol;

/// <summary>
/// Builds an uncompressed record batch (magic v2) as a producer would, with a valid CRC-32C unless a test breaks
/// it afterwards; and the Produce and Fetch requests that carry one.
/// </summary>
internal sealed record TestBatch
{
    public long ProducerId { get; init; } = -1;

    public short ProducerEpoch { get; init; } = -1;

    public int BaseSequence { get; init; } = -1;

    public short Attributes { get; init; }

    public long BaseTimestamp { get; init; } = 1_700_000_000_000;

    public IReadOnlyList<string?> Values { get; init; } = ["v0"];

    /// <summary>Gets the key of every record; null writes records without a key.</summary>
    public string? Key { get; init; }

    /// <summary>Gets each record's timestamp delta from <see cref="BaseTimestamp"/>; null: 0, 1, 2, ...</summary>
    public IReadOnlyList<long>? TimestampDeltas { get; init; }

    public byte[] Encode()
    {
        using var records = new KafkaWriter();
        var maxTimestamp = BaseTimestamp;
        for (var i = 0; i < Values.Count; i++)
        {
            var delta = TimestampDeltas?[i] ?? i;
            maxTimestamp = Math.Max(maxTimestamp, BaseTimestamp + delta);
            using var record = new KafkaWriter();
            record.WriteInt8(0);
            record.WriteVarLong(delta);
            record.WriteVarInt(i);
            var key = Key is null ? null : Encoding.UTF8.GetBytes(Key);
            record.WriteVarInt(key?.Length ?? -1);
            record.WriteRaw(key);
            var value = Values[i] is { } text ? Encoding.UTF8.GetBytes(text) : null;
            record.WriteVarInt(value?.Length ?? -1);
            record.WriteRaw(value);
            record.WriteVarInt(0);
            records.WriteVarInt(record.Length);
            records.WriteRaw(record.WrittenSpan);
        }

        var batch = new byte[RecordBatchLayout.HeaderSize + records.Length];
        var span = batch.AsSpan();
        BinaryPrimitives.WriteInt64BigEndian(span[RecordBatchLayout.BaseOffsetAt..], 0);
        BinaryPrimitives.WriteInt32BigEndian(span[RecordBatchLayout.BatchLengthAt..], batch.Length - RecordBatchLayout.LogOverhead);
        BinaryPrimitives.WriteInt32BigEndian(span[RecordBatchLayout.LeaderEpochAt..], -1);
        span[RecordBatchLayout.MagicAt] = 2;
        BinaryPrimitives.WriteInt16BigEndian(span[RecordBatchLayout.AttributesAt..], Attributes);
        BinaryPrimitives.WriteInt32BigEndian(span[RecordBatchLayout.LastOffsetDeltaAt..], Values.Count - 1);
        BinaryPrimitives.WriteInt64BigEndian(span[RecordBatchLayout.BaseTimestampAt..], BaseTimestamp);
        BinaryPrimitives.WriteInt64BigEndian(span[RecordBatchLayout.MaxTimestampAt..], maxTimestamp);
        BinaryPrimitives.WriteInt64BigEndian(span[RecordBatchLayout.ProducerIdAt..], ProducerId);
        BinaryPrimitives.WriteInt16BigEndian(span[RecordBatchLayout.ProducerEpochAt..], ProducerEpoch);
        BinaryPrimitives.WriteInt32BigEndian(span[RecordBatchLayout.BaseSequenceAt..], BaseSequence);
        BinaryPrimitives.WriteInt32BigEndian(span[RecordBatchLayout.RecordCountAt..], Values.Count);
        records.WrittenSpan.CopyTo(span[RecordBatchLayout.HeaderSize..]);
        Reseal(batch);
        return batch;
    }

    /// <summary>Writes the CRC-32C the batch's current contents call for.</summary>
    public static void Reseal(byte[] batch) =>
        BinaryPrimitives.WriteUInt32BigEndian(batch.AsSpan(RecordBatchLayout.CrcAt), RecordBatchLayout.ComputeCrc(batch));

    /// <summary>Builds a Produce request carrying <paramref name="records"/> for one partition.</summary>
    public static ProduceRequest Produce(string topic, int partition, byte[] records, short acks = -1) => new()
    {
        Acks = acks,
        TimeoutMs = 5000,
        TopicData =
        [
            new ProduceRequest.TopicBatches
            {
                Name = topic,
                PartitionData = [new ProduceRequest.PartitionBatches { Index = partition, Records = new RecordBytes(records) }],
            },
        ],
    };

    /// <summary>Builds a Fetch v12 request (topics by name) for one partition from <paramref name="offset"/>, answered at once.</summary>
    public static FetchRequest Fetch(string topic, int partition, long offset) => new()
    {
        MaxWaitMs = 0,
        MinBytes = 0,
        MaxBytes = 1 << 20,
        Topics =
        [
            new FetchRequest.TopicToFetch
            {
                Topic = topic,
                Partitions = [new FetchRequest.PartitionToFetch { Partition = partition, FetchOffset = offset, PartitionMaxBytes = 1 << 20 }],
            },
        ],
    };

    /// <summary>Gets the only partition result of a one-partition Produce response.</summary>
    public static ProduceResponse.PartitionResult Single(ProduceResponse response) => response.Responses.Single().PartitionResponses.Single();
}

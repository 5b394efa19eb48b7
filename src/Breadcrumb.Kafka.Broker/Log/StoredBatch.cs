namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>A record batch as a producer sent it, with the broker's base offset (and LogAppendTime) written in.</summary>
internal sealed class StoredBatch
{
    public required byte[] Data { get; init; }

    public required long BaseOffset { get; init; }

    public required long LastOffset { get; init; }

    /// <summary>Gets the batch's max timestamp (the append time for LogAppendTime topics).</summary>
    public required long MaxTimestamp { get; init; }

    public required long ProducerId { get; init; }

    public required short ProducerEpoch { get; init; }

    public required bool IsTransactional { get; init; }

    public required bool IsControl { get; init; }

    public int Size => Data.Length;

    public int RecordCount => (int)(LastOffset - BaseOffset + 1);
}

using Breadcrumb.Kafka.Broker.Protocol.Records;

namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>The header facts of a producer's batch that the log decides on, read once when it is validated.</summary>
internal readonly record struct BatchInfo(
    short Attributes,
    int LastOffsetDelta,
    int RecordCount,
    long MaxTimestamp,
    long ProducerId,
    short ProducerEpoch,
    int BaseSequence)
{
    public bool IsTransactional => RecordBatchLayout.IsTransactional(Attributes);

    public bool IsControl => RecordBatchLayout.IsControl(Attributes);

    public bool IsIdempotent => ProducerId >= 0;

    public int LastSequence => ProducerStateTable.LastSequenceOf(BaseSequence, LastOffsetDelta);

    public static BatchInfo Read(ReadOnlySpan<byte> batch) => new(
        RecordBatchLayout.Attributes(batch),
        RecordBatchLayout.LastOffsetDelta(batch),
        RecordBatchLayout.RecordCount(batch),
        RecordBatchLayout.MaxTimestamp(batch),
        RecordBatchLayout.ProducerId(batch),
        RecordBatchLayout.ProducerEpoch(batch),
        RecordBatchLayout.BaseSequence(batch));
}

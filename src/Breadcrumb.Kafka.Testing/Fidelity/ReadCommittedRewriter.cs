using System.Buffers.Binary;
using Breadcrumb.Kafka.Testing.Fidelity.Protocol;

namespace Breadcrumb.Kafka.Testing.Fidelity;

/// <summary>
/// Gives read_committed Fetch and ListOffsets responses Kafka's answers from the <see cref="TransactionLedger"/>:
/// the last stable offset (first offset of the oldest open transaction), no records at or past it, and the
/// aborted transactions whose records the response holds, so the client itself drops them.
/// </summary>
internal static class ReadCommittedRewriter
{
    /// <summary>Rewrites a read_committed Fetch response body (after the correlation id) into <paramref name="writer"/>.</summary>
    /// <returns><see langword="true"/> when records were withheld and none remain: the caller may hold the response like a broker would.</returns>
    public static bool RewriteFetch(ReadOnlySpan<byte> body, short version, TransactionLedger ledger, KafkaWriter writer)
    {
        var reader = new KafkaReader(body);
        var response = FetchResponse.Read(ref reader, version);
        var withheld = false;
        var anyRecords = false;
        foreach (var topic in response.Topics)
        {
            foreach (var partition in topic.Partitions)
            {
                if (partition.ErrorCode != 0 || partition.HighWatermark < 0)
                {
                    continue;
                }

                withheld |= Rewrite(topic.Topic, partition, body, ledger);
                anyRecords |= partition.Records.Length > 0;
            }
        }

        response.Write(writer, version, body);
        return withheld && !anyRecords;
    }

    /// <summary>Caps the latest offsets a read_committed ListOffsets response answers at each partition's last stable offset.</summary>
    public static void PatchListOffsets(Span<byte> body, short version, HashSet<(string Topic, int Partition)> latestAsked, TransactionLedger ledger)
    {
        var reader = new KafkaReader(body);
        foreach (var listed in ListOffsetsMessages.ReadResponse(ref reader, version))
        {
            if (listed.ErrorCode != 0 || !latestAsked.Contains((listed.Topic, listed.Partition)))
            {
                continue;
            }

            if (ledger.FirstOpenOffset(listed.Topic, listed.Partition) is { } firstOpen && firstOpen < listed.Offset)
            {
                BinaryPrimitives.WriteInt64BigEndian(body.Slice(listed.OffsetPosition, 8), firstOpen);
            }
        }
    }

    private static bool Rewrite(string topic, FetchPartition partition, ReadOnlySpan<byte> body, TransactionLedger ledger)
    {
        var lso = Math.Min(ledger.FirstOpenOffset(topic, partition.Partition) ?? partition.HighWatermark, partition.HighWatermark);
        var aborted = new List<AbortedTransaction>();
        var (offset, length) = partition.Records;
        var keep = Math.Max(length, 0);
        if (length > 0)
        {
            var records = body.Slice(offset, length);
            var position = 0;
            while (RecordBatchHeader.TryRead(records[position..], out var batch, out var complete))
            {
                if (batch.BaseOffset >= lso)
                {
                    keep = position;
                    break;
                }

                if (batch.IsTransactional && !batch.IsControl)
                {
                    var (state, first) = ledger.Classify(topic, partition.Partition, batch.ProducerId, batch.BaseOffset);
                    if (state == TransactionState.Open)
                    {
                        lso = batch.BaseOffset;
                        keep = position;
                        break;
                    }

                    var entry = new AbortedTransaction(batch.ProducerId, first);
                    if (state == TransactionState.Aborted && !aborted.Contains(entry))
                    {
                        aborted.Add(entry);
                    }
                }

                if (!complete)
                {
                    break;
                }

                position += batch.TotalSize;
            }
        }

        partition.LastStableOffset = lso;
        partition.AbortedTransactions = aborted;
        partition.Records = (offset, length < 0 ? length : keep);
        return length > 0 && keep == 0;
    }
}

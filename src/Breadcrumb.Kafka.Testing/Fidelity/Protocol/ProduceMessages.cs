namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>What one partition of a Produce request carried.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Bytes">The size of its record batches.</param>
/// <param name="Messages">The records in its batches.</param>
/// <param name="ProducerId">The producer id of its batches, -1 if none.</param>
/// <param name="Transactional">Whether its batches belong to a transaction.</param>
internal readonly record struct ProducedPartition(string Topic, int Partition, long Bytes, long Messages, long ProducerId, bool Transactional);

/// <summary>The outcome of one partition in a Produce response.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="ErrorCode">The error, 0 for none.</param>
/// <param name="BaseOffset">The offset given to the first record.</param>
internal readonly record struct ProduceResult(string Topic, int Partition, short ErrorCode, long BaseOffset);

/// <summary>Reads Produce requests and responses, versions 3 to 8 (the non-flexible ones with a transactional id).</summary>
internal static class ProduceMessages
{
    public const short MinVersion = 3;
    public const short MaxVersion = 8;

    /// <summary>Reads a Produce request body (after the header).</summary>
    public static List<ProducedPartition> ReadRequest(ref KafkaReader reader, ReadOnlySpan<byte> buffer, out short acks)
    {
        var transactionalIdLength = reader.ReadInt16(); // the batches' attributes say the same per batch
        reader.Skip(Math.Max((int)transactionalIdLength, 0));
        acks = reader.ReadInt16();
        reader.Skip(4); // timeout_ms
        var result = new List<ProducedPartition>();
        var topics = reader.ReadArrayLength();
        for (var t = 0; t < topics; t++)
        {
            var topic = reader.ReadString() ?? string.Empty;
            var partitions = reader.ReadArrayLength();
            for (var p = 0; p < partitions; p++)
            {
                var partition = reader.ReadInt32();
                var (offset, length) = reader.ReadBytesRange();
                result.Add(Summarize(topic, partition, length < 0 ? default : buffer.Slice(offset, length)));
            }
        }

        return result;
    }

    /// <summary>Reads a Produce response body (after the correlation id).</summary>
    public static List<ProduceResult> ReadResponse(ref KafkaReader reader, short version)
    {
        var result = new List<ProduceResult>();
        var topics = reader.ReadArrayLength();
        for (var t = 0; t < topics; t++)
        {
            var topic = reader.ReadString() ?? string.Empty;
            var partitions = reader.ReadArrayLength();
            for (var p = 0; p < partitions; p++)
            {
                var partition = reader.ReadInt32();
                var error = reader.ReadInt16();
                var baseOffset = reader.ReadInt64();
                reader.Skip(8); // log_append_time_ms (v2+)
                if (version >= 5)
                {
                    reader.Skip(8); // log_start_offset
                }

                if (version >= 8)
                {
                    var recordErrors = reader.ReadArrayLength();
                    for (var e = 0; e < recordErrors; e++)
                    {
                        reader.Skip(4);
                        _ = reader.ReadString();
                    }

                    _ = reader.ReadString(); // error_message
                }

                result.Add(new ProduceResult(topic, partition, error, baseOffset));
            }
        }

        return result;
    }

    private static ProducedPartition Summarize(string topic, int partition, ReadOnlySpan<byte> records)
    {
        long messages = 0;
        long producerId = -1;
        var transactional = false;
        var rest = records;
        while (RecordBatchHeader.TryRead(rest, out var batch, out var complete) && complete)
        {
            messages += batch.RecordCount;
            producerId = batch.ProducerId;
            transactional |= batch.IsTransactional;
            rest = rest[batch.TotalSize..];
        }

        return new ProducedPartition(topic, partition, records.Length, messages, producerId, transactional);
    }
}

namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>One partition's offset in a TxnOffsetCommit request.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Offset">The offset to commit.</param>
/// <param name="Metadata">The commit's metadata string.</param>
internal readonly record struct TxnOffset(string Topic, int Partition, long Offset, string? Metadata);

/// <summary>A TxnOffsetCommit request: consumer offsets a transaction carries for a group.</summary>
/// <param name="TransactionalId">The producer's transactional id.</param>
/// <param name="GroupId">The consumer group.</param>
/// <param name="ProducerId">The producer id.</param>
/// <param name="GenerationId">The group generation or member epoch (v3+; -1 before).</param>
/// <param name="MemberId">The group member id (v3+; empty before).</param>
/// <param name="Offsets">The offsets.</param>
internal sealed record TxnOffsetCommitRequest(
    string TransactionalId, string GroupId, long ProducerId, int GenerationId, string MemberId, IReadOnlyList<TxnOffset> Offsets);

/// <summary>
/// Reads the transactional requests the layer follows — InitProducerId v0–4, AddPartitionsToTxn v0–1,
/// AddOffsetsToTxn v0–1, TxnOffsetCommit v0–3 — and writes the answers it gives a fenced producer. Layouts from the
/// Kafka protocol specification; flexible versions (InitProducerId v2+, TxnOffsetCommit v3+) use compact types and tags.
/// </summary>
internal static class TransactionMessages
{
    /// <summary>INVALID_PRODUCER_EPOCH: what Kafka answers these versions when a newer producer has the transactional id.</summary>
    public const short InvalidProducerEpoch = 47;

    public const short InitProducerIdMaxVersion = 4;
    public const short AddPartitionsToTxnMaxVersion = 1;
    public const short AddOffsetsToTxnMaxVersion = 1;
    public const short TxnOffsetCommitMaxVersion = 3;

    /// <summary>Reads an InitProducerId request body: its transactional id, <see langword="null"/> for an idempotent producer.</summary>
    public static string? ReadInitProducerIdRequest(ref KafkaReader reader, short version)
    {
        var flexible = version >= 2;
        if (flexible)
        {
            reader.SkipTags(); // request header tags
        }

        return reader.ReadString(flexible);
    }

    /// <summary>Reads an InitProducerId response body (after the correlation id).</summary>
    public static (short ErrorCode, long ProducerId, short Epoch) ReadInitProducerIdResponse(ref KafkaReader reader, short version)
    {
        if (version >= 2)
        {
            reader.SkipTags(); // response header tags
        }

        reader.Skip(4); // throttle_time_ms
        return (reader.ReadInt16(), reader.ReadInt64(), reader.ReadInt16());
    }

    /// <summary>Reads the producer id of an AddPartitionsToTxn or AddOffsetsToTxn request (v0–1): transactional id, then producer id.</summary>
    public static long ReadProducerId(ref KafkaReader reader)
    {
        _ = reader.ReadString(); // transactional_id
        return reader.ReadInt64();
    }

    /// <summary>Reads the topics and partitions of an AddPartitionsToTxn request (v0–1), after its producer id.</summary>
    public static List<(string Topic, List<int> Partitions)> ReadAddPartitionsTopics(ref KafkaReader reader)
    {
        reader.Skip(2); // producer_epoch
        var result = new List<(string, List<int>)>();
        var topics = reader.ReadArrayLength();
        for (var t = 0; t < topics; t++)
        {
            var topic = reader.ReadString() ?? string.Empty;
            var partitions = new List<int>();
            var count = reader.ReadArrayLength();
            for (var p = 0; p < count; p++)
            {
                partitions.Add(reader.ReadInt32());
            }

            result.Add((topic, partitions));
        }

        return result;
    }

    /// <summary>Reads a TxnOffsetCommit request body (v0–3).</summary>
    public static TxnOffsetCommitRequest ReadTxnOffsetCommitRequest(ref KafkaReader reader, short version)
    {
        var flexible = version >= 3;
        if (flexible)
        {
            reader.SkipTags(); // request header tags
        }

        var transactionalId = reader.ReadString(flexible) ?? string.Empty;
        var groupId = reader.ReadString(flexible) ?? string.Empty;
        var producerId = reader.ReadInt64();
        reader.Skip(2); // producer_epoch
        var generation = -1;
        var member = string.Empty;
        if (version >= 3)
        {
            generation = reader.ReadInt32();
            member = reader.ReadCompactString() ?? string.Empty;
            _ = reader.ReadCompactString(); // group_instance_id
        }

        var offsets = new List<TxnOffset>();
        var topics = reader.ReadArrayLength(flexible);
        for (var t = 0; t < topics; t++)
        {
            var topic = reader.ReadString(flexible) ?? string.Empty;
            var partitions = reader.ReadArrayLength(flexible);
            for (var p = 0; p < partitions; p++)
            {
                var partition = reader.ReadInt32();
                var offset = reader.ReadInt64();
                if (version >= 2)
                {
                    reader.Skip(4); // committed_leader_epoch
                }

                offsets.Add(new TxnOffset(topic, partition, offset, reader.ReadString(flexible)));
                SkipTagsIf(ref reader, flexible);
            }

            SkipTagsIf(ref reader, flexible);
        }

        SkipTagsIf(ref reader, flexible);
        return new TxnOffsetCommitRequest(transactionalId, groupId, producerId, generation, member, offsets);
    }

    /// <summary>Reads a TxnOffsetCommit response body (after the correlation id): each partition's error.</summary>
    public static List<(string Topic, int Partition, short ErrorCode)> ReadTxnOffsetCommitResponse(ref KafkaReader reader, short version)
    {
        var flexible = version >= 3;
        SkipTagsIf(ref reader, flexible); // response header tags
        reader.Skip(4); // throttle_time_ms
        var result = new List<(string, int, short)>();
        var topics = reader.ReadArrayLength(flexible);
        for (var t = 0; t < topics; t++)
        {
            var topic = reader.ReadString(flexible) ?? string.Empty;
            var partitions = reader.ReadArrayLength(flexible);
            for (var p = 0; p < partitions; p++)
            {
                result.Add((topic, reader.ReadInt32(), reader.ReadInt16()));
                SkipTagsIf(ref reader, flexible);
            }

            SkipTagsIf(ref reader, flexible);
        }

        SkipTagsIf(ref reader, flexible);
        return result;
    }

    /// <summary>Writes the body of an answer with one error: AddOffsetsToTxn (v0–1) or EndTxn (v0–2).</summary>
    public static KafkaWriter WriteErrorOnly(short errorCode)
    {
        var writer = new KafkaWriter(8);
        writer.WriteInt32(0); // throttle_time_ms
        writer.WriteInt16(errorCode);
        return writer;
    }

    /// <summary>Writes an AddPartitionsToTxn (v0–1) response body with one error for every partition.</summary>
    public static KafkaWriter WriteAddPartitionsError(IReadOnlyList<(string Topic, List<int> Partitions)> topics, short errorCode)
    {
        var writer = new KafkaWriter();
        writer.WriteInt32(0); // throttle_time_ms
        writer.WriteInt32(topics.Count);
        foreach (var (topic, partitions) in topics)
        {
            writer.WriteString(topic);
            writer.WriteInt32(partitions.Count);
            foreach (var partition in partitions)
            {
                writer.WriteInt32(partition);
                writer.WriteInt16(errorCode);
            }
        }

        return writer;
    }

    /// <summary>Writes a TxnOffsetCommit (v0–3) response body, with its header's tags in v3, one error for every partition.</summary>
    public static KafkaWriter WriteTxnOffsetCommitError(TxnOffsetCommitRequest request, short version, short errorCode)
    {
        var flexible = version >= 3;
        var writer = new KafkaWriter();
        writer.WriteEmptyTags(flexible); // response header tags
        writer.WriteInt32(0); // throttle_time_ms
        var topics = request.Offsets.GroupBy(o => o.Topic).ToList();
        writer.WriteArrayLength(topics.Count, flexible);
        foreach (var topic in topics)
        {
            writer.WriteString(topic.Key, flexible);
            writer.WriteArrayLength(topic.Count(), flexible);
            foreach (var offset in topic)
            {
                writer.WriteInt32(offset.Partition);
                writer.WriteInt16(errorCode);
                writer.WriteEmptyTags(flexible);
            }

            writer.WriteEmptyTags(flexible);
        }

        writer.WriteEmptyTags(flexible);
        return writer;
    }

    /// <summary>Writes a Produce (v3–8) response body with one error for every partition and no offsets.</summary>
    public static KafkaWriter WriteProduceError(IReadOnlyList<ProducedPartition> partitions, short version, short errorCode)
    {
        var writer = new KafkaWriter();
        var topics = partitions.GroupBy(p => p.Topic).ToList();
        writer.WriteInt32(topics.Count);
        foreach (var topic in topics)
        {
            writer.WriteString(topic.Key);
            writer.WriteInt32(topic.Count());
            foreach (var partition in topic)
            {
                writer.WriteInt32(partition.Partition);
                writer.WriteInt16(errorCode);
                writer.WriteInt64(-1); // base_offset
                writer.WriteInt64(-1); // log_append_time_ms
                if (version >= 5)
                {
                    writer.WriteInt64(-1); // log_start_offset
                }

                if (version >= 8)
                {
                    writer.WriteInt32(0); // record_errors
                    writer.WriteString(null); // error_message
                }
            }
        }

        writer.WriteInt32(0); // throttle_time_ms
        return writer;
    }

    private static void SkipTagsIf(ref KafkaReader reader, bool flexible)
    {
        if (flexible)
        {
            reader.SkipTags();
        }
    }
}

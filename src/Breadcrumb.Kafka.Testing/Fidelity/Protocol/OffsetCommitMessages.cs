namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>
/// Writes the OffsetCommit v5 requests (non-flexible, no retention time, no leader epoch) the layer sends the mock to apply
/// a committed transaction's consumer offsets, and reads their responses.
/// </summary>
internal static class OffsetCommitMessages
{
    public const short Version = 5;

    /// <summary>Writes a whole request frame: size, header (client id "breadcrumb-fidelity") and body.</summary>
    /// <param name="correlationId">The id the response echoes.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="generationId">The generation or member epoch; -1 with an empty member id for a commit outside the group's membership.</param>
    /// <param name="memberId">The member id, empty for none.</param>
    /// <param name="offsets">The offsets.</param>
    public static KafkaWriter WriteRequest(int correlationId, string groupId, int generationId, string memberId, IReadOnlyList<TxnOffset> offsets)
    {
        var writer = new KafkaWriter();
        writer.WriteInt32(0); // size, patched below
        writer.WriteInt16((short)KafkaApiKey.OffsetCommit);
        writer.WriteInt16(Version);
        writer.WriteInt32(correlationId);
        writer.WriteString("breadcrumb-fidelity");
        writer.WriteString(groupId);
        writer.WriteInt32(generationId);
        writer.WriteString(memberId);
        var topics = offsets.GroupBy(o => o.Topic).ToList();
        writer.WriteInt32(topics.Count);
        foreach (var topic in topics)
        {
            writer.WriteString(topic.Key);
            writer.WriteInt32(topic.Count());
            foreach (var offset in topic)
            {
                writer.WriteInt32(offset.Partition);
                writer.WriteInt64(offset.Offset);
                writer.WriteString(offset.Metadata);
            }
        }

        writer.PatchInt32(0, writer.Length - 4);
        return writer;
    }

    /// <summary>Reads a response (the frame without its size prefix): its correlation id and each partition's error.</summary>
    public static (int CorrelationId, List<(string Topic, int Partition, short ErrorCode)> Results) ReadResponse(ReadOnlySpan<byte> response)
    {
        var reader = new KafkaReader(response);
        var correlationId = reader.ReadInt32();
        reader.Skip(4); // throttle_time_ms
        var results = new List<(string, int, short)>();
        var topics = reader.ReadArrayLength();
        for (var t = 0; t < topics; t++)
        {
            var topic = reader.ReadString() ?? string.Empty;
            var partitions = reader.ReadArrayLength();
            for (var p = 0; p < partitions; p++)
            {
                results.Add((topic, reader.ReadInt32(), reader.ReadInt16()));
            }
        }

        return (correlationId, results);
    }
}

namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>One aborted transaction as a Fetch response lists it.</summary>
/// <param name="ProducerId">The producer whose transaction was aborted.</param>
/// <param name="FirstOffset">The transaction's first offset in the partition.</param>
internal readonly record struct AbortedTransaction(long ProducerId, long FirstOffset);

/// <summary>One partition of a Fetch response; <see cref="Records"/> points into the response buffer.</summary>
internal sealed class FetchPartition
{
    public int Partition { get; set; }

    public short ErrorCode { get; set; }

    public long HighWatermark { get; set; }

    public long LastStableOffset { get; set; }

    public long LogStartOffset { get; set; }

    public List<AbortedTransaction>? AbortedTransactions { get; set; }

    public int PreferredReadReplica { get; set; } = -1;

    /// <summary>Gets or sets where the records lie in the response buffer (length -1 for null records).</summary>
    public (int Offset, int Length) Records { get; set; }
}

/// <summary>One topic of a Fetch response.</summary>
/// <param name="Topic">The topic name.</param>
/// <param name="Partitions">Its partitions.</param>
internal sealed record FetchTopic(string Topic, List<FetchPartition> Partitions);

/// <summary>A Fetch response body, versions 4 to 11 (non-flexible, topics by name).</summary>
internal sealed class FetchResponse
{
    public const short MinVersion = 4;
    public const short MaxVersion = 11;

    public int ThrottleTimeMs { get; set; }

    public short ErrorCode { get; set; }

    public int SessionId { get; set; }

    public List<FetchTopic> Topics { get; } = [];

    /// <summary>Reads the isolation level (0 read_uncommitted, 1 read_committed) and max wait of a Fetch request body.</summary>
    public static (sbyte IsolationLevel, int MaxWaitMs) ReadRequestIsolation(ref KafkaReader reader)
    {
        reader.Skip(4); // replica_id
        var maxWait = reader.ReadInt32();
        reader.Skip(4 + 4); // min_bytes, max_bytes
        return (reader.ReadInt8(), maxWait);
    }

    /// <summary>Reads a Fetch response body (after the correlation id).</summary>
    public static FetchResponse Read(ref KafkaReader reader, short version)
    {
        var response = new FetchResponse { ThrottleTimeMs = reader.ReadInt32() };
        if (version >= 7)
        {
            response.ErrorCode = reader.ReadInt16();
            response.SessionId = reader.ReadInt32();
        }

        var topics = reader.ReadArrayLength();
        for (var t = 0; t < topics; t++)
        {
            var topic = new FetchTopic(reader.ReadString() ?? string.Empty, []);
            var partitions = reader.ReadArrayLength();
            for (var p = 0; p < partitions; p++)
            {
                var partition = new FetchPartition
                {
                    Partition = reader.ReadInt32(),
                    ErrorCode = reader.ReadInt16(),
                    HighWatermark = reader.ReadInt64(),
                    LastStableOffset = reader.ReadInt64(),
                    LogStartOffset = version >= 5 ? reader.ReadInt64() : -1,
                };
                var aborted = reader.ReadInt32();
                if (aborted >= 0)
                {
                    partition.AbortedTransactions = new List<AbortedTransaction>(aborted);
                    for (var a = 0; a < aborted; a++)
                    {
                        partition.AbortedTransactions.Add(new AbortedTransaction(reader.ReadInt64(), reader.ReadInt64()));
                    }
                }

                if (version >= 11)
                {
                    partition.PreferredReadReplica = reader.ReadInt32();
                }

                partition.Records = reader.ReadBytesRange();
                topic.Partitions.Add(partition);
            }

            response.Topics.Add(topic);
        }

        return response;
    }

    /// <summary>Writes this response body, taking record bytes from <paramref name="source"/>.</summary>
    public void Write(KafkaWriter writer, short version, ReadOnlySpan<byte> source)
    {
        writer.WriteInt32(ThrottleTimeMs);
        if (version >= 7)
        {
            writer.WriteInt16(ErrorCode);
            writer.WriteInt32(SessionId);
        }

        writer.WriteInt32(Topics.Count);
        foreach (var topic in Topics)
        {
            writer.WriteString(topic.Topic);
            writer.WriteInt32(topic.Partitions.Count);
            foreach (var p in topic.Partitions)
            {
                writer.WriteInt32(p.Partition);
                writer.WriteInt16(p.ErrorCode);
                writer.WriteInt64(p.HighWatermark);
                writer.WriteInt64(p.LastStableOffset);
                if (version >= 5)
                {
                    writer.WriteInt64(p.LogStartOffset);
                }

                if (p.AbortedTransactions is null)
                {
                    writer.WriteInt32(-1);
                }
                else
                {
                    writer.WriteInt32(p.AbortedTransactions.Count);
                    foreach (var a in p.AbortedTransactions)
                    {
                        writer.WriteInt64(a.ProducerId);
                        writer.WriteInt64(a.FirstOffset);
                    }
                }

                if (version >= 11)
                {
                    writer.WriteInt32(p.PreferredReadReplica);
                }

                var (offset, length) = p.Records;
                writer.WriteBytes(length < 0 ? default : source.Slice(offset, length), isNull: length < 0);
            }
        }
    }
}

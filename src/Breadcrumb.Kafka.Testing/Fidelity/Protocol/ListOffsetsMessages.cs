namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>One partition's answer in a ListOffsets response, with where its offset field lies so it can be patched.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="ErrorCode">The error, 0 for none.</param>
/// <param name="Offset">The offset answered.</param>
/// <param name="OffsetPosition">The position of the INT64 offset in the response body.</param>
internal readonly record struct ListedOffset(string Topic, int Partition, short ErrorCode, long Offset, int OffsetPosition);

/// <summary>Reads ListOffsets requests and responses, versions 2 to 5 (non-flexible, with an isolation level).</summary>
internal static class ListOffsetsMessages
{
    public const short MinVersion = 2;
    public const short MaxVersion = 5;

    /// <summary>The timestamp that asks for the latest offset.</summary>
    public const long Latest = -1;

    /// <summary>Reads a request body: its isolation level and the partitions asked for the latest offset.</summary>
    public static (sbyte IsolationLevel, HashSet<(string Topic, int Partition)> LatestAsked) ReadRequest(ref KafkaReader reader, short version)
    {
        reader.Skip(4); // replica_id
        var isolation = reader.ReadInt8();
        var latest = new HashSet<(string, int)>();
        var topics = reader.ReadArrayLength();
        for (var t = 0; t < topics; t++)
        {
            var topic = reader.ReadString() ?? string.Empty;
            var partitions = reader.ReadArrayLength();
            for (var p = 0; p < partitions; p++)
            {
                var partition = reader.ReadInt32();
                if (version >= 4)
                {
                    reader.Skip(4); // current_leader_epoch
                }

                if (reader.ReadInt64() == Latest)
                {
                    latest.Add((topic, partition));
                }
            }
        }

        return (isolation, latest);
    }

    /// <summary>Reads a response body (after the correlation id); positions are relative to the body's start.</summary>
    public static List<ListedOffset> ReadResponse(ref KafkaReader reader, short version)
    {
        reader.Skip(4); // throttle_time_ms (v2+)
        var result = new List<ListedOffset>();
        var topics = reader.ReadArrayLength();
        for (var t = 0; t < topics; t++)
        {
            var topic = reader.ReadString() ?? string.Empty;
            var partitions = reader.ReadArrayLength();
            for (var p = 0; p < partitions; p++)
            {
                var partition = reader.ReadInt32();
                var error = reader.ReadInt16();
                reader.Skip(8); // timestamp
                var position = reader.Position;
                var offset = reader.ReadInt64();
                if (version >= 4)
                {
                    reader.Skip(4); // leader_epoch
                }

                result.Add(new ListedOffset(topic, partition, error, offset, position));
            }
        }

        return result;
    }
}

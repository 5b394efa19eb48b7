namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>Reads EndTxn requests and responses, versions 0 to 2 (non-flexible).</summary>
internal static class EndTxnMessages
{
    public const short MaxVersion = 2;

    /// <summary>Reads a request body: the producer id and whether it commits (<see langword="false"/>: aborts).</summary>
    public static (long ProducerId, bool Committed) ReadRequest(ref KafkaReader reader)
    {
        _ = reader.ReadString(); // transactional_id
        var producerId = reader.ReadInt64();
        reader.Skip(2); // producer_epoch
        return (producerId, reader.ReadInt8() != 0);
    }

    /// <summary>Reads a response body (after the correlation id) and returns its error code.</summary>
    public static short ReadResponseError(ref KafkaReader reader)
    {
        reader.Skip(4); // throttle_time_ms
        return reader.ReadInt16();
    }
}

namespace Breadcrumb.Kafka.Broker.Protocol.Messages;

/// <summary>A request or response body that reads and writes itself in any version its API serves.</summary>
internal interface IKafkaMessage
{
    /// <summary>Gets the API key of the message's API.</summary>
    short ApiKey { get; }

    /// <summary>Reads the fields of <paramref name="version"/> from the reader, in order.</summary>
    void Read(ref KafkaReader reader, short version);

    /// <summary>Writes the fields of <paramref name="version"/>.</summary>
    void Write(KafkaWriter writer, short version);
}

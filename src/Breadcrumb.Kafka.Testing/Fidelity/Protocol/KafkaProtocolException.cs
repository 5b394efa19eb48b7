namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>Reports bytes that do not follow the Kafka protocol where the fidelity layer had to read them.</summary>
internal sealed class KafkaProtocolException : Exception
{
    public KafkaProtocolException()
    {
    }

    public KafkaProtocolException(string message)
        : base(message)
    {
    }

    public KafkaProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Breadcrumb.Kafka.Broker.Protocol;

/// <summary>
/// Signals a frame that does not follow the Kafka protocol: a length past the end, a null where none is allowed,
/// a varint that never ends. The broker closes the connection that sent it, as Kafka does, and nothing else.
/// </summary>
public sealed class KafkaProtocolException : Exception
{
    /// <summary>Creates the exception with a message that says what was wrong and where in the frame.</summary>
    public KafkaProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public KafkaProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public KafkaProtocolException()
        : base("The frame does not follow the Kafka protocol.")
    {
    }
}

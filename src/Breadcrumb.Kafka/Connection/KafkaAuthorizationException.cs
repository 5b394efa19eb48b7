using Confluent.Kafka;

namespace Breadcrumb.Kafka;

/// <summary>
/// Reports that the broker refused an operation because this principal lacks an ACL (for example
/// <see cref="ErrorCode.TopicAuthorizationFailed"/>): a Kafka error, not a file-system <see cref="UnauthorizedAccessException"/>.
/// </summary>
/// <remarks>The message names the resource, the missing right and how to grant it; <see cref="KafkaException.Error"/> keeps Kafka's code.</remarks>
public sealed class KafkaAuthorizationException : KafkaException
{
    /// <summary>Initializes a new instance of the <see cref="KafkaAuthorizationException"/> class.</summary>
    /// <param name="code">Kafka's error code, for example <see cref="ErrorCode.TopicAuthorizationFailed"/>.</param>
    /// <param name="message">What was refused, on what, and which ACL to grant.</param>
    /// <param name="innerException">The client's exception, if any.</param>
    public KafkaAuthorizationException(ErrorCode code, string message, Exception? innerException = null)
        : base(new Error(code, message), innerException)
    {
    }
}

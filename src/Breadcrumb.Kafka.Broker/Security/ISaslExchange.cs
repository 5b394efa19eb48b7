namespace Breadcrumb.Kafka.Broker.Security;

/// <summary>One SASL conversation on one connection: each client token in, the answer out, until it succeeds or fails.</summary>
internal interface ISaslExchange
{
    /// <summary>Gets whether the client has proven who it is.</summary>
    bool IsComplete { get; }

    /// <summary>Gets the authenticated user, once complete.</summary>
    string? User { get; }

    /// <summary>Takes the client's next token and returns the server's; throws <see cref="SaslAuthenticationException"/> on bad credentials.</summary>
    byte[] Respond(ReadOnlySpan<byte> clientToken);
}

/// <summary>Failed SASL authentication; the message says what failed, never which credential.</summary>
internal sealed class SaslAuthenticationException(string message) : Exception(message);

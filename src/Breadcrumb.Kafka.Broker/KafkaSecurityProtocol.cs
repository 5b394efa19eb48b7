namespace Breadcrumb.Kafka.Broker;

/// <summary>What the brokers' listeners ask of a connection, as Kafka's <c>security.protocol</c> names it.</summary>
public enum KafkaSecurityProtocol
{
    /// <summary>No TLS, no authentication.</summary>
    Plaintext,

    /// <summary>TLS with a certificate the cluster makes at start (or the one given); no authentication.</summary>
    Ssl,

    /// <summary>SASL authentication (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512) without TLS.</summary>
    SaslPlaintext,

    /// <summary>SASL authentication over TLS: the shape of a Confluent Cloud <c>librdkafka.config</c>.</summary>
    SaslSsl,
}

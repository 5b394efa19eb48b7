namespace Breadcrumb.Kafka.Testing;

/// <summary>Chooses how closely the embedded broker follows Kafka where librdkafka's mock cluster does not.</summary>
public enum EmbeddedKafkaFidelity
{
    /// <summary>
    /// Clients talk to a transaction-aware layer in front of the mock: read_committed consumers get Kafka's last
    /// stable offset and skip aborted records; the layer also counts what each partition received.
    /// </summary>
    Faithful,

    /// <summary>Clients talk to librdkafka's mock cluster directly (read_committed behaves like read_uncommitted).</summary>
    RawMock,
}

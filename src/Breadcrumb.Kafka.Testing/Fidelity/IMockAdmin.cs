namespace Breadcrumb.Kafka.Testing.Fidelity;

/// <summary>The mock cluster's own administration calls, which the layer uses to answer admin requests.</summary>
internal interface IMockAdmin
{
    /// <summary>Creates a topic; returns a Kafka error code (0 for none).</summary>
    short CreateTopic(string topic, int partitions);

    /// <summary>Deletes a topic; returns a Kafka error code (0 for none).</summary>
    short DeleteTopic(string topic);

    /// <summary>Deletes a partition's records before an offset; returns a Kafka error code (0 for none).</summary>
    short DeleteRecords(string topic, int partition, long beforeOffset);
}

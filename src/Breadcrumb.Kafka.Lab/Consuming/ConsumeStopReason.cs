namespace Breadcrumb.Kafka.Lab;

/// <summary>Says why a <see cref="KeyFilteredConsumer"/> stopped.</summary>
public enum ConsumeStopReason
{
    /// <summary>The consumer kept <see cref="KeyFilteredConsumerOptions.MaxRecords"/> records.</summary>
    MaxRecords,

    /// <summary>Nothing new arrived for <see cref="KeyFilteredConsumerOptions.IdleTimeout"/>.</summary>
    IdleTimeout,

    /// <summary>Every assigned partition was read to its end (<see cref="KeyFilteredConsumerOptions.StopAtEndOfPartitions"/>).</summary>
    EndOfPartitions,

    /// <summary>The caller cancelled.</summary>
    Cancelled,
}

namespace Breadcrumb.Kafka.Lab.Producing;

/// <summary>Receives the sends and flushes of a <see cref="ProduceLoop"/>: the producer, or a fake in tests.</summary>
internal interface IProduceTarget
{
    /// <summary>Hands one record to the client (completes at once unless the local queue is full).</summary>
    ValueTask SendAsync(BreadcrumbRecord record, CancellationToken cancellationToken);

    /// <summary>Waits until every record sent so far has a delivery report.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}

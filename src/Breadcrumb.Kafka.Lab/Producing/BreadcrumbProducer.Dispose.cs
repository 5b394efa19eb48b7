using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <content>Disposal: flush, close, report what was left.</content>
public sealed partial class BreadcrumbProducer
{
    /// <summary>
    /// Flushes (unless the policy is <see cref="FlushPolicy.Never"/>) for up to
    /// <see cref="BreadcrumbProducerOptions.DisposeFlushTimeout"/>, closes the client, and reports every record that
    /// still had no delivery report as failed with <see cref="ErrorCode.Local_PurgeQueue"/>: nothing is dropped silently.
    /// </summary>
    /// <returns>A task that completes when the client is closed; <see cref="GetSummary"/> then has the final counts.</returns>
    /// <remarks>
    /// librdkafka discards queued records when it closes and Confluent.Kafka raises no delivery report for them, so
    /// the producer raises one per record itself; their partition is unknown (-1). Records that were already in
    /// flight may still have been written by the broker.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        // librdkafka's flush and destroy both block: keep them off the caller's thread.
        await Task.Run(DisposeCore).ConfigureAwait(false);
    }

    private void DisposeCore()
    {
        try
        {
            if (settings.FlushPolicy.FlushesAtEnd && Volatile.Read(ref fatalError) is null)
            {
                client.Flush(settings.DisposeFlushTimeout);
            }
        }
        finally
        {
            client.Dispose();
        }

        // The client is closed: no report can arrive any more, so what is pending now is final.
        if (lifetime.Pending <= 0)
        {
            return;
        }

        var error = new Error(
            ErrorCode.Local_PurgeQueue,
            $"producer '{settings.Name}' was disposed (FlushPolicy {settings.FlushPolicy}) before this record was acknowledged; " +
            "queued records were discarded, records already in flight may or may not have been written");
        awaiters.FailWaiting(key => ReportDiscarded(key, error));
        for (var pending = lifetime.Pending; pending > 0; pending--)
        {
            ReportDiscarded(null, error);
        }
    }

    private DeliveryReport ReportDiscarded(string? key, Error error)
    {
        var partition = Confluent.Kafka.Partition.Any.Value;
        lifetime.OnFailed(new FailedRecord(key, partition, error.Code, error.Reason));
        var report = new DeliveryReport(settings.Name, settings.Topic, partition, Offset.Unset.Value, key, null, TimestampType.NotAvailable, error);
        try
        {
            settings.DeliveryReports?.Report(report);
        }
#pragma warning disable CA1031 // Dispose must finish; a throwing report handler cannot stop it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return report;
    }
}

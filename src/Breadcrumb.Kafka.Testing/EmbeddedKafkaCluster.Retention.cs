using System.Collections.Concurrent;
using System.Globalization;
using Breadcrumb.Kafka.Logging;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Testing;

/// <summary>The retention guard: librdkafka's mock silently drops the oldest records past 5 MiB or 100,000 per partition.</summary>
public sealed partial class EmbeddedKafkaCluster
{
    private readonly ConcurrentDictionary<(string Topic, int Partition), long> deletedBefore = new();
    private IConsumer<Ignore, Ignore>? watermarkReader;
    private IAdminClient? metadataReader;

    // The readers' librdkafka lines (e.g. "brokers are down" while the cluster stops) go nowhere, never to stderr.
    private static ILogger ReaderLogger => KafkaClientLogging.CreateLogger(null, "Breadcrumb.Kafka.Testing.EmbeddedKafkaCluster");

    /// <summary>Gets the bytes of record batches one partition keeps before it silently drops the oldest (5 MiB).</summary>
    public static long RetainedBytesPerPartition => EmbeddedKafkaDefaults.RetainedBytesPerPartition;

    /// <summary>Gets the records one partition keeps before it silently drops the oldest (100,000).</summary>
    public static long RetainedMessagesPerPartition => EmbeddedKafkaDefaults.RetainedMessagesPerPartition;

    /// <summary>Gets problems the fidelity layer met reading traffic (it then passed the bytes through unchanged); empty when all is well.</summary>
    public IReadOnlyList<string> FidelityProblems => layer?.Diagnostics.Problems ?? [];

    /// <summary>Reads every partition's watermarks and what it received through the fidelity layer.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>One entry per partition, in partition order.</returns>
    /// <exception cref="ArgumentException">The topic does not exist.</exception>
    public Task<IReadOnlyList<EmbeddedPartitionStats>> GetPartitionStatsAsync(string topic, CancellationToken cancellationToken = default)
    {
        TopicNames.Validate(topic);
        return Task.Run<IReadOnlyList<EmbeddedPartitionStats>>(
            () =>
            {
                var (admin, consumer) = Readers();
                var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.SingleOrDefault();
                if (metadata is null || metadata.Error.IsError || metadata.Partitions.Count == 0)
                {
                    throw new ArgumentException($"Embedded Kafka has no topic '{topic}' ({metadata?.Error.Reason ?? "unknown"}).", nameof(topic));
                }

                return metadata.Partitions.Select(p => p.PartitionId).Order().Select(p =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var w = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10));
                    var (bytes, messages) = layer?.Ledger.Produced(topic, p) ?? (0, 0);
                    return new EmbeddedPartitionStats(topic, p, w.Low.Value, w.High.Value, bytes, messages);
                }).ToList();
            },
            cancellationToken);
    }

    /// <summary>
    /// Checks that the mock dropped none of a topic's records: each partition's low watermark is 0, or where
    /// <see cref="DeleteRecords"/> moved it. Call it after a test or benchmark that reads from the beginning.
    /// </summary>
    /// <param name="topic">The topic.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the check passed.</returns>
    /// <exception cref="InvalidOperationException">A partition lost records; the message says which and why.</exception>
    public async Task AssertNothingDroppedAsync(string topic, CancellationToken cancellationToken = default)
    {
        var stats = await GetPartitionStatsAsync(topic, cancellationToken).ConfigureAwait(false);
        var dropped = stats.Where(s => s.LowWatermark > deletedBefore.GetValueOrDefault((topic, s.Partition))).ToList();
        if (dropped.Count > 0)
        {
            var details = string.Join("; ", dropped.Select(s => string.Create(
                CultureInfo.InvariantCulture,
                $"[{s.Partition}] low watermark {s.LowWatermark} of {s.HighWatermark} (received {s.ReceivedBytes:N0} bytes)")));
            var limit = string.Create(
                CultureInfo.InvariantCulture,
                $"librdkafka's mock keeps at most {RetainedBytesPerPartition:N0} bytes or {RetainedMessagesPerPartition:N0} records per partition");
            throw new InvalidOperationException(
                $"Embedded Kafka silently dropped records of '{topic}': {details}. {limit}; " +
                "spread the records over more partitions, produce less per run, or consume while producing.");
        }
    }

    /// <summary>Fails before a run that would make the mock drop records it must keep.</summary>
    /// <param name="topic">The topic the run writes.</param>
    /// <param name="partition">The partition the most records go to.</param>
    /// <param name="records">The records the run will add to that partition.</param>
    /// <param name="bytesPerRecord">The approximate stored size of one record (value, key and ~70 bytes of overhead).</param>
    /// <exception cref="InvalidOperationException">The partition would exceed what the mock keeps.</exception>
    public void ThrowIfRunExceedsRetention(string topic, int partition, long records, int bytesPerRecord)
    {
        TopicNames.Validate(topic);
        ArgumentOutOfRangeException.ThrowIfNegative(records);
        ArgumentOutOfRangeException.ThrowIfNegative(bytesPerRecord);
        var (bytes, messages) = layer?.Ledger.Produced(topic, partition) ?? (0, 0);
        var totalBytes = bytes + (records * bytesPerRecord);
        var totalMessages = messages + records;
        if (totalBytes > RetainedBytesPerPartition || totalMessages > RetainedMessagesPerPartition)
        {
            var what = string.Create(
                CultureInfo.InvariantCulture,
                $"A run adding {records:N0} records of ~{bytesPerRecord} bytes to '{topic}' [{partition}] would bring it to {totalMessages:N0} records / {totalBytes:N0} bytes");
            var limit = string.Create(
                CultureInfo.InvariantCulture,
                $"librdkafka's mock keeps at most {RetainedMessagesPerPartition:N0} records or {RetainedBytesPerPartition:N0} bytes per partition and silently drops the oldest");
            throw new InvalidOperationException($"{what}; {limit}. Use more partitions, smaller runs, or consume while producing.");
        }
    }

    private (IAdminClient Admin, IConsumer<Ignore, Ignore> Consumer) Readers()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(cluster == IntPtr.Zero, this);
            metadataReader ??= new AdminClientBuilder(new AdminClientConfig { BootstrapServers = MockBootstrapServers }).WithLogging(ReaderLogger).Build();
            watermarkReader ??= new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = MockBootstrapServers, GroupId = "embedded-kafka-watermarks" })
                .WithLogging(ReaderLogger).Build();
            return (metadataReader, watermarkReader);
        }
    }

    private void DisposeReaders()
    {
        lock (gate)
        {
            watermarkReader?.Dispose();
            metadataReader?.Dispose();
            watermarkReader = null;
            metadataReader = null;
        }
    }
}

using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples;

/// <content>Clearing, inspecting and reading the lab topic.</content>
public sealed partial class SampleContext
{
    /// <summary>
    /// Gets where stored bytes come from: the brokers' own DescribeLogDirs answer where they serve it (plaintext
    /// listeners), else the embedded broker's count; null until one answered.
    /// </summary>
    public string? StoredBytesSource => StoredBytes.LastSource;

    private StoredBytesSources StoredBytes => storedBytes ??= new StoredBytesSources(Cluster is null
        ? [(new DescribeLogDirsReporter(Connection), "the partition leaders' DescribeLogDirs answer")]
        :
        [
            (new DescribeLogDirsReporter(Connection), "the partition leaders' DescribeLogDirs answer"),
            (Cluster.CreateStoredBytesReporter(), "the embedded broker's own count of the record batches it holds"),
        ]);

    /// <summary>Creates a topic inspector (watermarks, counts, bytes where the broker reports them, group lag).</summary>
    /// <returns>The inspector.</returns>
    public TopicInspector CreateInspector() => new(Connection, StoredBytes);

    /// <summary>Creates a topic cleaner: truncation through DeleteRecords, or the lab's read-and-discard drain.</summary>
    /// <returns>The cleaner.</returns>
    public TopicCleaner CreateCleaner() => new(Connection, Cluster is null ? null : Cluster.CreateRecordDeleter());

    /// <summary>
    /// Empties a topic, as the lab's "clear all data from the topic" asks: DeleteRecords moves every low watermark to
    /// the end, so a new consumer group starts with nothing.
    /// </summary>
    /// <param name="topic">The topic; the section's topic when null.</param>
    /// <returns>How many records were deleted.</returns>
    public async Task<long> ClearTopicAsync(string? topic = null)
    {
        topic ??= Topic;
        var result = await CreateCleaner().TruncateAsync(topic, CancellationToken).ConfigureAwait(false);
        Info($"  cleared '{topic}': {result.Deleted} records deleted");
        return result.Deleted;
    }

    /// <summary>
    /// Makes sure the section's topic exists and empties it, so the section starts from nothing; with a step number,
    /// under the lab's "Clear all data from the topic" banner.
    /// </summary>
    /// <param name="step">The lab's step number for the banner; null clears without one.</param>
    /// <returns>How many records were deleted.</returns>
    public async Task<long> StartWithEmptyTopicAsync(string? step = null)
    {
        await EnsureTopicAsync(Topic).ConfigureAwait(false);
        if (step is not null)
        {
            Step(step, "Clear all data from the topic");
        }

        return await ClearTopicAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the section's topic from the start with one consumer in <paramref name="groupId"/>, stopping at the end
    /// of every partition (or after the idle timeout), as the lab's "run the consumer once" does.
    /// </summary>
    /// <param name="groupId">The consumer group, usually <see cref="GroupId(string)"/>.</param>
    /// <param name="filter">Which records to keep; all when null.</param>
    /// <returns>What the consumer read.</returns>
    /// <exception cref="OperationCanceledException">Ctrl+C tripped <see cref="CancellationToken"/>.</exception>
    public async Task<ConsumeResultSummary> ConsumeToEndAsync(string groupId, IRecordFilter? filter = null)
    {
        var options = LabPreset.Apply(new KeyFilteredConsumerOptions
        {
            Topic = Topic,
            GroupId = groupId,
            Filter = filter ?? RecordFilter.Any,
            StopAtEndOfPartitions = true,
            IdleTimeout = Settings.IdleTimeout,
        });
        ConsumeResultSummary summary;
        await using (var consumer = new KeyFilteredConsumer(Connection, options))
        {
            summary = await consumer.RunAsync(CancellationToken).ConfigureAwait(false);
        }

        CancellationToken.ThrowIfCancellationRequested();
        return summary;
    }
}

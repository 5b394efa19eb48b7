namespace Breadcrumb.Kafka.Samples;

/// <content>Clearing and inspecting the lab topic.</content>
public sealed partial class SampleContext
{
    /// <summary>Creates a topic inspector (watermarks, counts, bytes where the broker reports them, group lag).</summary>
    /// <returns>The inspector.</returns>
    public TopicInspector CreateInspector() =>
        new(Connection, Cluster is null ? null : new EmbeddedStoredBytesReporter(Cluster));

    /// <summary>Creates a topic cleaner: truncation through DeleteRecords, or the lab's read-and-discard drain.</summary>
    /// <returns>The cleaner.</returns>
    public TopicCleaner CreateCleaner() => new(Connection, Cluster is null ? null : new EmbeddedRecordDeleter(Cluster));

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
}

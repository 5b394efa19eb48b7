namespace Breadcrumb.Kafka.Samples;

/// <content>Clearing the lab topic ("Clear all data from the topic").</content>
public sealed partial class SampleContext
{
    /// <summary>
    /// Empties a topic, as the lab's "clear all data from the topic" asks: the low watermark moves to the end, so a
    /// new consumer group starts with nothing.
    /// </summary>
    /// <param name="topic">The topic; the section's topic when null.</param>
    /// <returns>How many records were removed, or null when this broker could not be cleared here.</returns>
    public async Task<long?> ClearTopicAsync(string? topic = null)
    {
        topic ??= Topic;
        if (Cluster is null)
        {
            Info($"  (cannot clear '{topic}' on this broker from the sample: new consumer groups will also read older records)");
            return null;
        }

        long removed = 0;
        foreach (var partition in await Cluster.GetPartitionStatsAsync(topic, CancellationToken).ConfigureAwait(false))
        {
            if (partition.HighWatermark > partition.LowWatermark)
            {
                Cluster.DeleteRecords(topic, partition.Partition, partition.HighWatermark);
                removed += partition.HighWatermark - partition.LowWatermark;
            }
        }

        Info($"  cleared '{topic}': {removed} records deleted");
        return removed;
    }
}

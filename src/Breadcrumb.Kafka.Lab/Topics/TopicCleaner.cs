using Breadcrumb.Kafka.Lab.Topics.Internal;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Empties a topic: <see cref="DrainAsync"/> reads and discards everything present for a group (the lab's
/// <c>topic_clean.py</c>); <see cref="TruncateAsync"/> deletes every record up to the high watermark (Kafka's DeleteRecords).
/// </summary>
public sealed class TopicCleaner
{
    /// <summary>The group <see cref="DrainAsync"/> commits for when none is given.</summary>
    public const string DefaultDrainGroupId = "breadcrumb-topic-clean";

    private readonly KafkaConnection connection;
    private readonly IRecordDeleter? deleter;

    /// <summary>Initializes a new instance of the <see cref="TopicCleaner"/> class.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="deleter">How to delete records; <see langword="null"/> for an <see cref="AdminClientRecordDeleter"/> per call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is <see langword="null"/>.</exception>
    public TopicCleaner(KafkaConnection connection, IRecordDeleter? deleter = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        this.deleter = deleter;
    }

    /// <summary>Reads and discards every record present in every partition, committing for <paramref name="groupId"/>, and reports how many.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="groupId">The group whose committed offsets move to the end; other groups are unaffected.</param>
    /// <param name="cancellationToken">Stops draining; what was read so far is committed and reported.</param>
    /// <returns>How many records were discarded, per partition.</returns>
    /// <exception cref="InvalidOperationException">The topic does not exist.</exception>
    /// <exception cref="KafkaAuthorizationException">The caller may not describe the topic.</exception>
    public async Task<TopicDrainResult> DrainAsync(string topic, string groupId = DefaultDrainGroupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        var partitions = await Task.Run(() => TopicProbe.Partitions(connection, topic, "nothing was drained"), cancellationToken).ConfigureAwait(false);

        // Assigning every partition (no group join) makes "everything present" exact: each partition ends at its own EOF.
        await using var consumer = new KeyFilteredConsumer(connection, new KeyFilteredConsumerOptions
        {
            Topic = topic,
            GroupId = groupId,
            Partitions = partitions,
            StopAtEndOfPartitions = true,
            IdleTimeout = TimeSpan.FromSeconds(30),

            // Draining means everything present: a group with no commit starts at the beginning.
            AutoOffsetReset = AutoOffsetReset.Earliest,
            Name = "topic-clean",
        });
        var summary = await consumer.RunAsync(cancellationToken).ConfigureAwait(false);
        return new TopicDrainResult(topic, groupId, summary.Total, summary.PerPartition, summary.StopReason);
    }

    /// <summary>Deletes every record of every partition up to its high watermark, so the topic holds nothing for any group.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="cancellationToken">Stops waiting for the broker.</param>
    /// <returns>The watermarks of each partition before and after.</returns>
    /// <exception cref="InvalidOperationException">The topic does not exist; nothing was deleted.</exception>
    /// <exception cref="KafkaAuthorizationException">The caller may not describe the topic or delete its records; nothing was deleted.</exception>
    /// <exception cref="KafkaException">The broker refused for another reason.</exception>
    public async Task<TopicTruncateResult> TruncateAsync(string topic, CancellationToken cancellationToken = default)
    {
        var watermarks = await Task.Run(
            () =>
            {
                var partitions = TopicProbe.Partitions(connection, topic, "nothing was deleted");
                return TopicProbe.Watermarks(connection, topic, partitions, cancellationToken);
            },
            cancellationToken).ConfigureAwait(false);

        var requests = watermarks.Where(w => w.High > w.Low)
            .Select(w => new TopicPartitionOffset(topic, w.Partition, w.High)).ToList();
        var after = new Dictionary<int, long>();
        if (requests.Count > 0)
        {
            var owned = deleter is null ? new AdminClientRecordDeleter(connection) : null;
            try
            {
                var lows = await (deleter ?? owned!).DeleteRecordsAsync(requests, cancellationToken).ConfigureAwait(false);
                foreach (var low in lows)
                {
                    after[low.Partition.Value] = low.Offset.Value;
                }
            }
            catch (KafkaException e) when (e.Error.Code == ErrorCode.TopicAuthorizationFailed)
            {
                throw new KafkaAuthorizationException(
                ErrorCode.TopicAuthorizationFailed,
                    $"Not allowed to delete records of topic '{topic}' (TopicAuthorizationFailed): nothing was deleted. "
                    + "Grant the DELETE operation on the topic (ACL), or use DrainAsync, which needs only READ.",
                    e);
            }
            finally
            {
                if (owned is not null)
                {
                    await owned.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        return new TopicTruncateResult(
            topic,
            watermarks.Select(w => new PartitionTruncation(w.Partition, w.Low, w.High, after.GetValueOrDefault(w.Partition, w.Low))).ToList());
    }
}

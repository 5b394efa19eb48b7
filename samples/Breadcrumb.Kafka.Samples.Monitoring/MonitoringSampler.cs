using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>Samples a topic and its groups with <see cref="TopicInspector"/> and derives rates between samples.</summary>
internal sealed class MonitoringSampler(TopicInspector inspector, string topic, IReadOnlyList<string> groups, TimeProvider time)
{
    private long previousAt;
    private long previousIn = -1;
    private long previousOut = -1;

    public async Task<MonitoringSnapshot> SampleAsync(CancellationToken cancellationToken)
    {
        var stats = await inspector.GetStatsAsync(topic, cancellationToken).ConfigureAwait(false);
        var lags = new List<MonitoredGroup>(groups.Count);
        foreach (var group in groups)
        {
            var lag = await inspector.GetLagAsync(topic, group, cancellationToken).ConfigureAwait(false);
            lags.Add(new MonitoredGroup(group, lag.Partitions.Sum(p => p.Committed ?? p.Low), lag.TotalLag));
        }

        var now = time.GetTimestamp();
        var recordsIn = stats.Partitions.Sum(p => p.High);
        var recordsOut = lags.Sum(g => g.Committed);
        var seconds = previousIn < 0 ? 0 : time.GetElapsedTime(previousAt, now).TotalSeconds;
        var inRate = seconds > 0 ? (recordsIn - previousIn) / seconds : 0;
        var outRate = seconds > 0 ? (recordsOut - previousOut) / seconds : 0;
        previousAt = now;
        previousIn = recordsIn;
        previousOut = recordsOut;
        return new MonitoringSnapshot(
            time.GetUtcNow(),
            topic,
            recordsIn,
            stats.Messages,
            inRate,
            outRate,
            stats.BytesStored,
            stats.BytesNote,
            stats.Partitions.Select(p => new MonitoredPartition(p.Partition, p.Low, p.High, p.Messages, p.BytesStored)).ToList(),
            lags);
    }
}

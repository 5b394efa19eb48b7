namespace Breadcrumb.Kafka.Samples.Flush;

/// <summary>Turns one run's timeline (send, delivery, receive and flush times in ms) into its figures. Pure: no clock, no broker.</summary>
public static class FlushMetrics
{
    /// <summary>Computes a run's figures.</summary>
    /// <param name="mode">The run.</param>
    /// <param name="description">What it does.</param>
    /// <param name="sentAt">Send time per record index.</param>
    /// <param name="deliveredAt">Delivery report time per record index (only those that arrived).</param>
    /// <param name="receivedAt">Receive time per record index (only those received).</param>
    /// <param name="flushes">Times the rule asked for a flush.</param>
    /// <param name="stored">Records the broker holds from the run.</param>
    /// <param name="seconds">The run's duration.</param>
    /// <returns>The run's figures.</returns>
    public static FlushRun Compute(
        string mode,
        string description,
        IReadOnlyList<double> sentAt,
        IReadOnlyDictionary<int, double> deliveredAt,
        IReadOnlyDictionary<int, double> receivedAt,
        IReadOnlyList<double> flushes,
        long stored,
        double seconds)
    {
        ArgumentNullException.ThrowIfNull(sentAt);
        ArgumentNullException.ThrowIfNull(deliveredAt);
        ArgumentNullException.ThrowIfNull(receivedAt);
        ArgumentNullException.ThrowIfNull(flushes);
        var deliveredBeforeNext = Enumerable.Range(0, Math.Max(0, sentAt.Count - 1))
            .Count(i => deliveredAt.TryGetValue(i, out var d) && d < sentAt[i + 1]);
        var ordered = flushes.Order().ToList();
        var covered = 0;
        var early = 0;
        for (var i = 0; i < sentAt.Count; i++)
        {
            var flush = ordered.Cast<double?>().FirstOrDefault(f => f >= sentAt[i]);
            if (flush is null)
            {
                continue;
            }

            covered++;
            if (receivedAt.TryGetValue(i, out var r) && r < flush)
            {
                early++;
            }
        }

        return new FlushRun(
            mode,
            description,
            sentAt.Count,
            flushes.Count,
            deliveredAt.Count,
            stored,
            receivedAt.Count,
            Median(deliveredAt.Where(d => d.Key < sentAt.Count).Select(d => d.Value - sentAt[d.Key])),
            Median(receivedAt.Where(r => r.Key < sentAt.Count).Select(r => r.Value - sentAt[r.Key])),
            deliveredBeforeNext,
            flushes.Count == 0 ? null : early,
            covered,
            deliveredAt.Count == 0 || sentAt.Count == 0 ? null : Math.Round(deliveredAt.Values.Min() - sentAt[0], 1),
            deliveredAt.Count == 0 || sentAt.Count == 0 ? null : Math.Round(deliveredAt.Values.Max() - sentAt.Max(), 1),
            Math.Round(seconds, 2));
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : Math.Round(sorted[sorted.Count / 2], 1);
    }
}

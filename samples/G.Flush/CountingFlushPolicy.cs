namespace Breadcrumb.Kafka.Samples.Flush;

/// <summary>Passes the lab's rule through and notes when it asked for a flush (the producer flushes right then).</summary>
internal sealed class CountingFlushPolicy(FlushPolicy inner, Func<double> now) : FlushPolicy
{
    private readonly List<double> flushTimes = [];

    public IReadOnlyList<double> FlushTimes => flushTimes;

    public override bool FlushesAtEnd => inner.FlushesAtEnd;

    public override bool ShouldFlush(FlushState state)
    {
        var flush = inner.ShouldFlush(state);
        if (flush)
        {
            flushTimes.Add(now());
        }

        return flush;
    }
}

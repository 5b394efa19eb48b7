namespace Breadcrumb.Kafka.Flushing;

/// <summary>
/// Keeps the <see cref="FlushState"/> of one run: counts sends and measures the time since the last flush with
/// <see cref="TimeProvider"/> timestamps. Not thread-safe: a run sends from one logical thread.
/// </summary>
internal sealed class FlushClock(TimeProvider timeProvider)
{
    private long lastFlush = timeProvider.GetTimestamp();

    public int SentSinceLastFlush { get; private set; }

    /// <summary>Counts one send and returns the state a policy decides on.</summary>
    public FlushState RecordSent()
    {
        SentSinceLastFlush++;
        return new FlushState(SentSinceLastFlush, timeProvider.GetElapsedTime(lastFlush));
    }

    /// <summary>Starts a new interval after a flush.</summary>
    public void RecordFlushed()
    {
        SentSinceLastFlush = 0;
        lastFlush = timeProvider.GetTimestamp();
    }
}

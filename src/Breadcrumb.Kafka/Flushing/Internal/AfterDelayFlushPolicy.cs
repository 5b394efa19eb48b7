namespace Breadcrumb.Kafka.Flushing;

/// <summary>Flushes once a given time has passed since the last flush.</summary>
internal sealed class AfterDelayFlushPolicy(TimeSpan delay) : FlushPolicy
{
    public TimeSpan Delay { get; } = delay;

    public override bool ShouldFlush(FlushState state) => state.SentSinceLastFlush > 0 && state.SinceLastFlush >= Delay;

    public override string ToString() => $"AfterDelay({Delay})";
}

namespace Breadcrumb.Kafka.Flushing;

/// <summary>Flushes after every n-th record.</summary>
internal sealed class EveryNFlushPolicy(int n) : FlushPolicy
{
    public int N { get; } = n;

    public override bool ShouldFlush(FlushState state) => state.SentSinceLastFlush >= N;

    public override string ToString() => $"EveryN({N})";
}

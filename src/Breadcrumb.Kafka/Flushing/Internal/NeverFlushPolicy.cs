namespace Breadcrumb.Kafka.Flushing;

/// <summary>Never flushes, not even at the end.</summary>
internal sealed class NeverFlushPolicy : FlushPolicy
{
    public override bool FlushesAtEnd => false;

    public override bool ShouldFlush(FlushState state) => false;

    public override string ToString() => "Never";
}

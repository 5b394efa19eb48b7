namespace Breadcrumb.Kafka.Flushing;

/// <summary>Flushes only at the end of a run and at dispose.</summary>
internal sealed class AtEndFlushPolicy : FlushPolicy
{
    public override bool ShouldFlush(FlushState state) => false;

    public override string ToString() => "AtEnd";
}

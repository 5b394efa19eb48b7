namespace Breadcrumb.Kafka.Flushing;

/// <summary>Flushes when any part says so; flushes at the end unless no part does.</summary>
internal sealed class AnyOfFlushPolicy(FlushPolicy[] policies) : FlushPolicy
{
    public IReadOnlyList<FlushPolicy> Policies { get; } = policies;

    public override bool FlushesAtEnd => policies.Any(p => p.FlushesAtEnd);

    public override bool ShouldFlush(FlushState state)
    {
        foreach (var policy in policies)
        {
            if (policy.ShouldFlush(state))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => $"AnyOf({string.Join(", ", policies.Select(p => p.ToString()))})";
}

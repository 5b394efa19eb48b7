namespace Breadcrumb.Kafka.Testing;

/// <summary>Reports whether a broker showed a Kafka capability when probed, and what was observed.</summary>
/// <param name="Capability">What was probed, e.g. "filters aborted records for read_committed consumers".</param>
/// <param name="IsSupported">Whether the broker behaved as Kafka does.</param>
/// <param name="Reason">What was observed, in words fit for a skip message or a lab report.</param>
public sealed record BrokerCapability(string Capability, bool IsSupported, string Reason)
{
    /// <summary>Returns the verdict and the reason.</summary>
    /// <returns>For example <c>filters aborted records for read_committed consumers: no — …</c>.</returns>
    public override string ToString() => $"{Capability}: {(IsSupported ? "yes" : "no")} — {Reason}";
}

using Breadcrumb.Kafka.Broker.Protocol;

namespace Breadcrumb.Kafka.Broker.Faults;

/// <summary>The errors one request gets, decided when it arrives: for every partition, or for some of them.</summary>
internal sealed class RequestFaults
{
    private readonly List<FaultRule> partitionRules = [];

    /// <summary>Gets or sets the error the whole request gets (every partition), if any.</summary>
    public ErrorCode? Whole { get; set; }

    public bool IsEmpty => Whole is null && partitionRules.Count == 0;

    public void Add(FaultRule rule) => partitionRules.Add(rule);

    /// <summary>Gets the injected error for one partition of the request, or None.</summary>
    public ErrorCode ErrorFor(string topic, int partition) =>
        Whole ?? partitionRules.FirstOrDefault(r => r.Matches(topic, partition))?.Error ?? ErrorCode.None;
}

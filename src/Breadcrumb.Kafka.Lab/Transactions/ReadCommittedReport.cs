namespace Breadcrumb.Kafka.Lab;

/// <summary>Reports, per topic, whether a consumer saw only committed transactional records; made by <see cref="ReadCommittedVerifier"/>.</summary>
public sealed class ReadCommittedReport
{
    internal ReadCommittedReport(IReadOnlyDictionary<string, TopicReadCommittedReport> topics)
    {
        Topics = topics;
    }

    /// <summary>Gets the report for each topic that had transactional records or consumed records, keyed by name.</summary>
    public IReadOnlyDictionary<string, TopicReadCommittedReport> Topics { get; }

    /// <summary>Gets a value indicating whether, on every topic, the consumer saw every committed record exactly once and nothing else.</summary>
    public bool OnlyCommittedSeen => Topics.Values.All(t => t.OnlyCommittedSeen);

    /// <summary>Returns the verdict and one line per topic.</summary>
    /// <returns>A multi-line description.</returns>
    public override string ToString() =>
        (OnlyCommittedSeen ? "only committed records seen, each once" : "NOT only committed records seen")
        + Environment.NewLine
        + string.Join(Environment.NewLine, Topics.Values.OrderBy(t => t.Topic, StringComparer.Ordinal).Select(t => "  " + t));
}

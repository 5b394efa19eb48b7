/// <summary>A broker under test: where clients connect, how to make and drop a topic on it, and, for a broker in
/// another process, its footprint (so its own CPU per record can be told apart from the client's).</summary>
internal sealed record Target(string Name, string BootstrapServers, Action<string, int> CreateTopic, Action<string> DeleteTopic)
{
    /// <summary>Gets the broker process's stats, or null when it shares this process.</summary>
    public Func<BrokerStats>? Stats { get; init; }
}

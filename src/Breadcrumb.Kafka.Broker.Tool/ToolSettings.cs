using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Broker.Tool;

/// <summary>What the command line asked for, checked: every value here is one the cluster accepts.</summary>
internal sealed record ToolSettings
{
    /// <summary>Gets one port per broker, or none for free ports.</summary>
    public IReadOnlyList<int> Ports { get; init; } = [];

    public int BrokerCount { get; init; } = ToolDefaults.BrokerCount;

    public string Host { get; init; } = ToolDefaults.Host;

    public IReadOnlyList<TopicSpec> Topics { get; init; } = [];

    public int DefaultPartitions { get; init; } = ToolDefaults.DefaultPartitions;

    public bool AutoCreateTopics { get; init; } = true;

    public KafkaSecurityProtocol SecurityProtocol { get; init; } = KafkaSecurityProtocol.Plaintext;

    public IReadOnlyList<SaslUser> SaslUsers { get; init; } = [];

    /// <summary>Gets the SASL mechanisms to enable; empty enables every one the broker has.</summary>
    public IReadOnlyList<string> SaslMechanisms { get; init; } = [];

    public long? RetentionMs { get; init; }

    public long? RetentionBytes { get; init; }

    public long? MemoryBudgetBytes { get; init; }

    public bool ExitOnStdinClose { get; init; }

    public LogLevel LogLevel { get; init; } = ToolDefaults.LogLevel;

    /// <summary>Gets whether the listeners speak TLS, so clients need the CA file.</summary>
    public bool UsesTls => SecurityProtocol is KafkaSecurityProtocol.Ssl or KafkaSecurityProtocol.SaslSsl;

    /// <summary>Builds the cluster's options from these settings.</summary>
    public KafkaClusterOptions ToClusterOptions(ILoggerFactory? loggerFactory)
    {
        var options = new KafkaClusterOptions
        {
            BrokerCount = BrokerCount,
            Host = Host,
            AutoCreateTopics = AutoCreateTopics,
            DefaultPartitions = DefaultPartitions,
            SecurityProtocol = SecurityProtocol,
            LoggerFactory = loggerFactory,
        };
        foreach (var port in Ports)
        {
            options.Ports.Add(port);
        }

        foreach (var user in SaslUsers)
        {
            options.SaslUsers[user.Name] = user.Password;
        }

        foreach (var mechanism in SaslMechanisms)
        {
            options.SaslMechanisms.Add(mechanism);
        }

        if (RetentionMs is { } ms)
        {
            options.TopicDefaults["retention.ms"] = ms.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (RetentionBytes is { } bytes)
        {
            options.TopicDefaults["retention.bytes"] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (MemoryBudgetBytes is { } budget)
        {
            options.MemoryBudgetBytes = budget;
        }

        return options;
    }
}

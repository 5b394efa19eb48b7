using System.Globalization;
using System.Net;
using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker;

/// <summary>Checks <see cref="KafkaClusterOptions"/> before anything starts; each failure names the option and the allowed range.</summary>
internal static class KafkaClusterOptionsValidator
{
    public static void Validate(KafkaClusterOptions options)
    {
        var errors = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Require(options.BrokerCount is >= 1 and <= KafkaClusterDefaults.MaxBrokerCount,
            $"KafkaClusterOptions.BrokerCount must be between 1 and {KafkaClusterDefaults.MaxBrokerCount} (was {options.BrokerCount}).");
        Require(!string.IsNullOrWhiteSpace(options.Host) && (IPAddress.TryParse(options.Host, out _) || options.Host == "localhost"),
            $"KafkaClusterOptions.Host must be an IP address or 'localhost' (was '{options.Host}').");
        Require(options.Ports.Count == 0 || options.Ports.Count == options.BrokerCount,
            $"KafkaClusterOptions.Ports must be empty (free ports) or hold one port per broker: {options.BrokerCount} (was {options.Ports.Count}).");
        Require(options.Ports.All(p => p is >= 0 and <= 65535),
            $"KafkaClusterOptions.Ports must be between 0 and 65535 (was {string.Join(", ", options.Ports)}).");
        Require(options.Ports.Where(p => p != 0).Distinct().Count() == options.Ports.Count(p => p != 0),
            $"KafkaClusterOptions.Ports must not repeat a port (was {string.Join(", ", options.Ports)}).");
        Require(options.FirstNodeId >= 0, $"KafkaClusterOptions.FirstNodeId must be 0 or more (was {options.FirstNodeId}).");
        Require(options.ClusterId is null || options.ClusterId.Length > 0, "KafkaClusterOptions.ClusterId must be null (random) or not empty.");
        Require(options.DefaultPartitions is >= 1 and <= TopicRegistry.MaxPartitionsPerTopic,
            $"KafkaClusterOptions.DefaultPartitions must be between 1 and {TopicRegistry.MaxPartitionsPerTopic} (was {options.DefaultPartitions}).");
        Require(options.MemoryBudgetBytes >= 0,
            $"KafkaClusterOptions.MemoryBudgetBytes must be 0 (no limit) or more (was {options.MemoryBudgetBytes}).");
        Require(options.MaxRequestBytes >= 1024,
            $"KafkaClusterOptions.MaxRequestBytes must be at least 1024 (was {options.MaxRequestBytes}).");
        Require(options.MaxConnectionsPerBroker >= 1,
            $"KafkaClusterOptions.MaxConnectionsPerBroker must be at least 1 (was {options.MaxConnectionsPerBroker}).");
        Require(options.ConnectionIdleTimeout > TimeSpan.Zero || options.ConnectionIdleTimeout == Timeout.InfiniteTimeSpan,
            $"KafkaClusterOptions.ConnectionIdleTimeout must be positive or Timeout.InfiniteTimeSpan (was {options.ConnectionIdleTimeout}).");
        Require(options.RetentionCheckInterval > TimeSpan.Zero,
            $"KafkaClusterOptions.RetentionCheckInterval must be positive (was {options.RetentionCheckInterval}).");
        Require(options.GroupInitialRebalanceDelay >= TimeSpan.Zero,
            $"KafkaClusterOptions.GroupInitialRebalanceDelay must be zero or more (was {options.GroupInitialRebalanceDelay}).");
        Require(options.GroupMinSessionTimeout > TimeSpan.Zero && options.GroupMinSessionTimeout <= options.GroupMaxSessionTimeout,
            $"KafkaClusterOptions.GroupMinSessionTimeout must be positive and at most GroupMaxSessionTimeout (was {options.GroupMinSessionTimeout} and {options.GroupMaxSessionTimeout}).");
        Require(options.ConsumerGroupHeartbeatInterval >= TimeSpan.FromMilliseconds(1) && options.ConsumerGroupHeartbeatInterval < options.ConsumerGroupSessionTimeout,
            $"KafkaClusterOptions.ConsumerGroupHeartbeatInterval must be at least 1 ms and below ConsumerGroupSessionTimeout (was {options.ConsumerGroupHeartbeatInterval} and {options.ConsumerGroupSessionTimeout}).");
        Require(options.TransactionMaxTimeout >= TimeSpan.FromMilliseconds(1),
            $"KafkaClusterOptions.TransactionMaxTimeout must be at least 1 ms (was {options.TransactionMaxTimeout}).");
        Require(options.TimeProvider is not null, "KafkaClusterOptions.TimeProvider must not be null.");
        var sasl = options.SecurityProtocol is KafkaSecurityProtocol.SaslPlaintext or KafkaSecurityProtocol.SaslSsl;
        Require(!sasl || options.SaslUsers.Count > 0,
            $"KafkaClusterOptions.SaslUsers must name at least one user when SecurityProtocol is {options.SecurityProtocol}.");
        Require(options.SaslUsers.All(u => u.Key.Length > 0 && !u.Key.Contains(',', StringComparison.Ordinal) && u.Value.Length > 0),
            "KafkaClusterOptions.SaslUsers needs non-empty user names without ',' and non-empty passwords.");
        var unknownMechanism = options.SaslMechanisms.FirstOrDefault(m => !Security.SaslMechanism.All.Contains(m));
        Require(unknownMechanism is null,
            $"KafkaClusterOptions.SaslMechanisms may hold {string.Join(", ", Security.SaslMechanism.All)} (was '{unknownMechanism}').");
        Require(options.TlsCertificate is null || options.TlsCertificate.HasPrivateKey,
            "KafkaClusterOptions.TlsCertificate must include its private key.");
        foreach (var (name, value) in options.TopicDefaults)
        {
            if (TopicConfigCatalog.Check(name, value) is { } bad)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"KafkaClusterOptions.TopicDefaults['{name}']: {bad}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }
    }
}

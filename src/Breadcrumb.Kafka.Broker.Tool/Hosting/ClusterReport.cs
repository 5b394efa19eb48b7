using System.Globalization;

namespace Breadcrumb.Kafka.Broker.Tool.Hosting;

/// <summary>The human-readable description the tool writes to stderr once the cluster serves; never a password.</summary>
internal static class ClusterReport
{
    public static async Task WriteAsync(TextWriter error, KafkaCluster cluster, ToolSettings settings)
    {
        var lines = new List<string>
        {
            Invariant($"{ToolDefaults.CommandName}: Kafka at {cluster.BootstrapServers} ({cluster.Brokers.Count} broker{(cluster.Brokers.Count == 1 ? "" : "s")}, {ProtocolName(cluster.SecurityProtocol)}, cluster id {cluster.ClusterId})"),
        };
        lines.AddRange(cluster.Brokers.Select(b => Invariant($"  broker {b.NodeId}: {b.Host}:{b.Port}")));
        foreach (var topic in settings.Topics)
        {
            var partitions = cluster.DescribeTopic(topic.Name)?.Partitions.Count ?? 0;
            var configs = topic.Configs.Count == 0 ? "" : ", " + string.Join(", ", topic.Configs.Select(c => $"{c.Key}={c.Value}"));
            lines.Add(Invariant($"  topic {topic.Name}: {partitions} partition{(partitions == 1 ? "" : "s")}{configs}"));
        }

        var autoCreate = settings.AutoCreateTopics
            ? Invariant($"created on first use with {settings.DefaultPartitions} partition{(settings.DefaultPartitions == 1 ? "" : "s")}")
            : "not auto-created (--no-auto-create)";
        lines.Add(Invariant(
            $"  other topics: {autoCreate}; retention.ms {settings.RetentionMs ?? -1}, retention.bytes {(settings.RetentionBytes is > 0 and var b ? FormatBytes(b) : settings.RetentionBytes ?? -1)}; memory budget {FormatBytes(settings.MemoryBudgetBytes ?? new KafkaClusterOptions().MemoryBudgetBytes)}"));
        lines.AddRange(ClientSettings(cluster, settings));
        lines.Add($"{ToolDefaults.CommandName}: serving until Ctrl+C or SIGTERM{(settings.ExitOnStdinClose ? ", or the end of stdin" : "")}.");

        foreach (var line in lines)
        {
            await error.WriteLineAsync(line).ConfigureAwait(false);
        }

        await error.FlushAsync().ConfigureAwait(false);
    }

    private static IEnumerable<string> ClientSettings(KafkaCluster cluster, ToolSettings settings)
    {
        if (settings.SaslUsers.Count > 0)
        {
            var mechanisms = settings.SaslMechanisms.Count > 0 ? settings.SaslMechanisms : CommandLine.ValueParsers.SaslMechanisms;
            yield return $"  SASL users: {string.Join(", ", settings.SaslUsers.Select(u => u.Name))}; mechanisms {string.Join(", ", mechanisms)}";
        }

        if (cluster.CaCertificatePath is { } caFile)
        {
            yield return $"  TLS: CA certificate {caFile} (clients' ssl.ca.location; deleted when the broker stops)";
        }

        if (cluster.SecurityProtocol != KafkaSecurityProtocol.Plaintext)
        {
            yield return $"  clients: security.protocol={ProtocolName(cluster.SecurityProtocol)}"
                + (settings.SaslUsers.Count > 0 ? ", sasl.mechanism=<one above>, sasl.username, sasl.password" : "")
                + (cluster.CaCertificatePath is not null ? ", ssl.ca.location=<the CA file>" : "");
        }
    }

    public static string ProtocolName(KafkaSecurityProtocol protocol) => protocol switch
    {
        KafkaSecurityProtocol.Ssl => "SSL",
        KafkaSecurityProtocol.SaslPlaintext => "SASL_PLAINTEXT",
        KafkaSecurityProtocol.SaslSsl => "SASL_SSL",
        _ => "PLAINTEXT",
    };

    public static string FormatBytes(long bytes)
    {
        if (bytes == 0)
        {
            return "none (0)";
        }

        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        var value = bytes;
        while (unit < units.Length - 1 && value % 1024 == 0)
        {
            value /= 1024;
            unit++;
        }

        return Invariant($"{value} {units[unit]}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

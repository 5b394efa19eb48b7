using System.Collections.ObjectModel;
using Confluent.Kafka;

namespace Breadcrumb.Kafka;

/// <summary>
/// Describes where and how to connect to Kafka: bootstrap servers plus any librdkafka client
/// properties (security, SASL), as a <c>librdkafka.config</c> file or code gives them.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. <see cref="ToString"/> never prints secrets.
/// Properties in <see cref="ConsumerProperties"/> apply to consumers only (for example the embedded
/// broker's <c>group.protocol</c>), so producers and admin clients never see a setting they reject.
/// </remarks>
public sealed partial class KafkaConnection
{
    private static readonly ReadOnlyDictionary<string, string> Empty = new(new Dictionary<string, string>());

    private KafkaConnection(
        IDictionary<string, string> properties,
        IDictionary<string, string> consumerProperties,
        string? source)
    {
        Properties = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(properties, StringComparer.Ordinal));
        ConsumerProperties = consumerProperties.Count == 0
            ? Empty
            : new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(consumerProperties, StringComparer.Ordinal));
        Source = source;
    }

    /// <summary>Gets the bootstrap servers (<c>bootstrap.servers</c>).</summary>
    public string BootstrapServers => Properties["bootstrap.servers"];

    /// <summary>Gets the librdkafka properties every client gets, including <c>bootstrap.servers</c>.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>Gets the librdkafka properties only consumers get, on top of <see cref="Properties"/>.</summary>
    public IReadOnlyDictionary<string, string> ConsumerProperties { get; }

    /// <summary>Gets where this connection came from (a file path, or <see langword="null"/> for code).</summary>
    public string? Source { get; }

    /// <summary>Creates a connection to the given bootstrap servers with no other settings.</summary>
    /// <param name="bootstrapServers">A comma-separated <c>host:port</c> list.</param>
    /// <exception cref="ArgumentException"><paramref name="bootstrapServers"/> is empty or not <c>host:port</c>.</exception>
    public static KafkaConnection FromBootstrapServers(string bootstrapServers)
    {
        ValidateBootstrapServers(bootstrapServers, "bootstrapServers");
        return new KafkaConnection(
            new Dictionary<string, string> { ["bootstrap.servers"] = bootstrapServers.Trim() },
            new Dictionary<string, string>(),
            null);
    }

    /// <summary>Creates a connection from librdkafka properties, which must include <c>bootstrap.servers</c>.</summary>
    /// <param name="properties">librdkafka client properties.</param>
    /// <param name="source">Where the properties came from, for error messages.</param>
    /// <exception cref="ArgumentException"><c>bootstrap.servers</c> is missing or malformed.</exception>
    public static KafkaConnection FromProperties(IReadOnlyDictionary<string, string> properties, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var where = source is null ? string.Empty : $" in {source}";
        if (!properties.TryGetValue("bootstrap.servers", out var bootstrap) || string.IsNullOrWhiteSpace(bootstrap))
        {
            throw new ArgumentException(
                $"'bootstrap.servers' is missing{where}. Add a line such as 'bootstrap.servers=pkc-xxxxx.us-west4.gcp.confluent.cloud:9092'.",
                nameof(properties));
        }

        ValidateBootstrapServers(bootstrap, $"bootstrap.servers{where}");
        return new KafkaConnection(properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), new Dictionary<string, string>(), source);
    }

    /// <summary>Returns a copy with one more property for every client.</summary>
    /// <param name="key">The librdkafka property name.</param>
    /// <param name="value">The value.</param>
    public KafkaConnection WithProperty(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        var properties = new Dictionary<string, string>(Properties, StringComparer.Ordinal) { [key] = value };
        return new KafkaConnection(properties, new Dictionary<string, string>(ConsumerProperties), Source);
    }

    /// <summary>Returns a copy with one more property that only consumers get.</summary>
    /// <param name="key">The librdkafka property name.</param>
    /// <param name="value">The value.</param>
    public KafkaConnection WithConsumerProperty(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        var consumer = new Dictionary<string, string>(ConsumerProperties, StringComparer.Ordinal) { [key] = value };
        return new KafkaConnection(new Dictionary<string, string>(Properties), consumer, Source);
    }

    /// <summary>Creates a Confluent producer configuration carrying this connection's properties.</summary>
    public ProducerConfig CreateProducerConfig() => new(new Dictionary<string, string>(Properties));

    /// <summary>Creates a Confluent consumer configuration carrying this connection's properties and consumer-only properties.</summary>
    /// <param name="groupId">The consumer group id.</param>
    public ConsumerConfig CreateConsumerConfig(string groupId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        var all = new Dictionary<string, string>(Properties);
        foreach (var (key, value) in ConsumerProperties)
        {
            all[key] = value;
        }

        return new ConsumerConfig(all) { GroupId = groupId };
    }

    /// <summary>Creates a Confluent admin client configuration carrying this connection's properties.</summary>
    public AdminClientConfig CreateAdminConfig() => new(new Dictionary<string, string>(Properties));

    /// <summary>Returns the bootstrap servers and property names; secret values are never included.</summary>
    public override string ToString()
    {
        var names = string.Join(", ", Properties.Keys.Where(k => k != "bootstrap.servers").Order(StringComparer.Ordinal));
        return names.Length == 0 ? BootstrapServers : $"{BootstrapServers} (+ {names})";
    }

    private static void ValidateBootstrapServers(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is empty: give one or more host:port pairs, e.g. 'localhost:9092'.", name);
        }

        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = part.LastIndexOf(':');
            var hostStart = part.IndexOf("://", StringComparison.Ordinal) is var s and >= 0 ? s + 3 : 0;
            if (colon <= hostStart || !int.TryParse(part.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
            {
                throw new ArgumentException(
                    $"{name} has '{part}', which is not host:port with a port from 1 to 65535 (e.g. 'localhost:9092').",
                    name);
            }
        }
    }
}

namespace Breadcrumb.Kafka.DependencyInjection;

/// <summary>
/// Configures <see cref="Microsoft.Extensions.DependencyInjection.BreadcrumbKafkaServiceCollectionExtensions.AddBreadcrumbKafka(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{BreadcrumbKafkaOptions})"/>:
/// where to connect, and the defaults the registered <see cref="BreadcrumbKafkaClientFactory"/> gives every client it creates.
/// </summary>
/// <remarks>
/// Set exactly one of <see cref="BootstrapServers"/>, <see cref="ConfigFile"/> and <see cref="Connection"/>. Bound as
/// <c>IOptions&lt;BreadcrumbKafkaOptions&gt;</c> (named for named clients) and validated when the host starts
/// (<c>ValidateOnStart</c>), so a missing or bad setting stops the application at start with a message naming the
/// setting, never at the first send.
/// </remarks>
public sealed class BreadcrumbKafkaOptions
{
    /// <summary>Gets or sets the bootstrap servers, a comma-separated <c>host:port</c> list.</summary>
    /// <value>No default. Example: <c>localhost:9092</c>.</value>
    public string? BootstrapServers { get; set; }

    /// <summary>Gets or sets the path of a <c>librdkafka.config</c> file (Confluent Cloud's <c>key=value</c> file with SASL settings).</summary>
    /// <value>No default. The file is read when the options are validated (at host start) and when a client is first created.</value>
    public string? ConfigFile { get; set; }

    /// <summary>Gets or sets a ready-made connection, for example an embedded cluster's <c>Connection</c>.</summary>
    /// <value>No default.</value>
    public KafkaConnection? Connection { get; set; }

    /// <summary>Gets extra librdkafka properties every client gets (for example <c>client.id</c> or <c>linger.ms</c>).</summary>
    /// <value>Empty by default. Keys are librdkafka names; <c>bootstrap.servers</c> is not allowed here (use <see cref="BootstrapServers"/>).</value>
    public IDictionary<string, string> Properties { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the topic created clients use when their own options name none.</summary>
    /// <value>No default. Must be a valid Kafka topic name.</value>
    public string? Topic { get; set; }

    /// <summary>Gets or sets the consumer group id created consumers use when their own options name none.</summary>
    /// <value>No default.</value>
    public string? GroupId { get; set; }

    /// <summary>Gets or sets where the options came from (e.g. "from configuration section 'Kafka'"), for messages.</summary>
    internal string? Origin { get; set; }

    /// <summary>Gets problems found while binding configuration, reported by validation.</summary>
    internal List<string> BindingProblems { get; } = [];
}

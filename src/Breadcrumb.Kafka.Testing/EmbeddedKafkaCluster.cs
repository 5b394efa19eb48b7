using Breadcrumb.Kafka.Broker;
using Breadcrumb.Kafka.Broker.Faults;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Testing;

/// <summary>
/// Runs Kafka inside this process with nothing installed: the C# broker of <c>Breadcrumb.Kafka.Broker</c> on loopback
/// ports, for tests, samples and exercises. Any Kafka client on this machine can connect to <see cref="BootstrapServers"/>.
/// </summary>
/// <remarks>
/// <para>The cluster lives as long as this object: dispose it to stop it. Several clusters in one process are independent.</para>
/// <para>It speaks Kafka 4's protocol versions, keeps records in memory (by default up to 1 GiB, and never drops one
/// silently), and has Kafka's group and transaction coordinators. What differs from Kafka: docs/embedded-broker.md.</para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public sealed partial class EmbeddedKafkaCluster : IAsyncDisposable
{
    private EmbeddedKafkaCluster(KafkaCluster broker, EmbeddedKafkaOptions options)
    {
        Broker = broker;
        Options = options;
        Connection = ConnectionFor(broker, options.Broker);
    }

    /// <summary>Gets the <c>host:port</c> list clients bootstrap from.</summary>
    public string BootstrapServers => Broker.BootstrapServers;

    /// <summary>Gets a connection to this cluster (with its SASL and TLS settings when the listeners ask for them).</summary>
    public KafkaConnection Connection { get; }

    /// <summary>Gets the options the cluster was started with.</summary>
    public EmbeddedKafkaOptions Options { get; }

    /// <summary>Gets the broker itself, for what this wrapper does not repeat (<see cref="KafkaCluster.DescribeTopic"/>, …).</summary>
    public KafkaCluster Broker { get; }

    /// <summary>Gets the number of brokers.</summary>
    public int BrokerCount => Broker.Brokers.Count;

    /// <summary>Gets the faults to inject: error codes per API (and topic or partition), latency, dropped connections, lost responses.</summary>
    public KafkaFaults Faults => Broker.Faults;

    /// <summary>Starts a cluster.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The running cluster.</returns>
    /// <exception cref="ArgumentException">An option is out of range; the message names each one.</exception>
    public static EmbeddedKafkaCluster Start(EmbeddedKafkaOptions? options = null)
    {
        options ??= new EmbeddedKafkaOptions();
        return new EmbeddedKafkaCluster(KafkaCluster.Start(options.Broker), options);
    }

    /// <summary>Starts a cluster; the asynchronous form of <see cref="Start"/> for fixtures.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running cluster.</returns>
    public static Task<EmbeddedKafkaCluster> StartAsync(EmbeddedKafkaOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Start(options));
    }

    /// <summary>Creates a topic with the given number of partitions (replication factor 1).</summary>
    /// <param name="topic">The topic name: 1–249 characters of <c>[a-zA-Z0-9._-]</c>, not "." or "..".</param>
    /// <param name="partitions">The partition count, 1 to 10,000.</param>
    /// <param name="configs">Topic configs (retention.ms, max.message.bytes, …); null for the defaults.</param>
    /// <exception cref="ArgumentException">The name, count or a config is not valid; the message is Kafka's.</exception>
    /// <exception cref="KafkaException">The topic exists already (<see cref="ErrorCode.TopicAlreadyExists"/>), as the admin client reports it.</exception>
    public void CreateTopic(string topic, int partitions, IReadOnlyDictionary<string, string>? configs = null)
    {
        if (Broker.DescribeTopic(topic) is not null)
        {
            throw new KafkaException(new Error(ErrorCode.TopicAlreadyExists, $"Embedded Kafka already has a topic '{topic}'."));
        }

        Broker.CreateTopic(topic, partitions, configs);
    }

    /// <summary>Deletes a topic and its records.</summary>
    /// <param name="topic">The topic name.</param>
    /// <exception cref="ArgumentException">The topic does not exist.</exception>
    public void DeleteTopic(string topic)
    {
        if (!Broker.DeleteTopic(topic))
        {
            throw new ArgumentException($"Embedded Kafka has no topic '{topic}' to delete.", nameof(topic));
        }
    }

    /// <summary>Deletes the records of one partition before an offset, moving its low watermark there (never back).</summary>
    /// <param name="topic">The topic name.</param>
    /// <param name="partition">The partition.</param>
    /// <param name="beforeOffset">The new low watermark; -1 for the high watermark.</param>
    /// <exception cref="ArgumentException">The topic or partition does not exist, or the offset is past the high watermark.</exception>
    public void DeleteRecords(string topic, int partition, long beforeOffset)
    {
        if (!Broker.DeleteRecords(topic, partition, beforeOffset))
        {
            throw new ArgumentException($"Embedded Kafka cannot delete records of '{topic}' [{partition}] before offset {beforeOffset}: no such partition, or the offset is past its high watermark.", nameof(beforeOffset));
        }
    }

    /// <summary>
    /// Takes a broker down: it stops listening and drops its connections; the partitions it leads have no leader and
    /// the groups and transactions it coordinates are unavailable until <see cref="SetBrokerUp"/>. Its records stay.
    /// </summary>
    /// <param name="brokerId">The broker's node id (1 to <see cref="BrokerCount"/> by default).</param>
    /// <returns>A task that completes when the broker is down.</returns>
    public Task SetBrokerDownAsync(int brokerId) => Broker.SetBrokerDownAsync(brokerId);

    /// <summary>Brings a broker taken down by <see cref="SetBrokerDownAsync"/> back up on its port.</summary>
    /// <param name="brokerId">The broker's node id.</param>
    public void SetBrokerUp(int brokerId) => Broker.SetBrokerUp(brokerId);

    /// <summary>Makes the next requests of one API fail with the given error codes, one error per request, in order.</summary>
    /// <param name="api">The API, e.g. <see cref="KafkaApiKey.Produce"/>.</param>
    /// <param name="errors">One error per request.</param>
    public void FailNextRequests(KafkaApiKey api, params ErrorCode[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            Faults.FailNext(api, (short)error);
        }
    }

    /// <summary>Stops the cluster. Clients still connected see their connections close.</summary>
    /// <returns>A task that completes when every broker has stopped.</returns>
    public ValueTask DisposeAsync() => Broker.DisposeAsync();

    private static KafkaConnection ConnectionFor(KafkaCluster broker, KafkaClusterOptions options)
    {
        var connection = KafkaConnection.FromBootstrapServers(broker.BootstrapServers);
        var protocol = broker.SecurityProtocol switch
        {
            KafkaSecurityProtocol.Ssl => "SSL",
            KafkaSecurityProtocol.SaslPlaintext => "SASL_PLAINTEXT",
            KafkaSecurityProtocol.SaslSsl => "SASL_SSL",
            _ => null,
        };
        if (protocol is null)
        {
            return connection;
        }

        connection = connection.WithProperty("security.protocol", protocol);
        if (broker.CaCertificatePath is { } ca)
        {
            connection = connection.WithProperty("ssl.ca.location", ca);
        }

        if (options.SaslUsers.Count > 0 && protocol.StartsWith("SASL", StringComparison.Ordinal))
        {
            var (user, password) = options.SaslUsers.First();
            connection = connection
                .WithProperty("sasl.mechanism", options.SaslMechanisms.FirstOrDefault() ?? "PLAIN")
                .WithProperty("sasl.username", user)
                .WithProperty("sasl.password", password);
        }

        return connection;
    }
}

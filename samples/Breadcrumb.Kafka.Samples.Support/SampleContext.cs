using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Spectre.Console;

namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// Everything a section needs to run: the connection, the shared settings, where to print and the
/// cancellation token that Ctrl+C trips. Owns the embedded broker when it started one.
/// </summary>
public sealed partial class SampleContext : IAsyncDisposable
{
    private readonly EmbeddedKafkaCluster? ownedCluster;
    private StoredBytesSources? storedBytes;

    private SampleContext(
        SampleSettings settings,
        KafkaConnection connection,
        ConnectionKind kind,
        EmbeddedKafkaCluster? cluster,
        bool ownsCluster,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        Settings = settings;
        Connection = connection;
        Kind = kind;
        Cluster = cluster;
        ownedCluster = ownsCluster ? cluster : null;
        Console = console;
        CancellationToken = cancellationToken;
        RunId = Guid.NewGuid().ToString("N")[..8];
    }

    /// <summary>Gets the shared command-line values.</summary>
    public SampleSettings Settings { get; }

    /// <summary>Gets the connection every client of the section uses.</summary>
    public KafkaConnection Connection { get; }

    /// <summary>Gets where the broker came from.</summary>
    public ConnectionKind Kind { get; }

    /// <summary>Gets the in-process embedded broker, or null on a broker host or a real cluster.</summary>
    public EmbeddedKafkaCluster? Cluster { get; }

    /// <summary>Gets where banners, logs and tables go (stderr when <c>--json</c> owns stdout).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Gets the token Ctrl+C cancels.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets a short id unique to this run, used to give each run fresh consumer groups.</summary>
    public string RunId { get; }

    /// <summary>Gets the topic of the section.</summary>
    public string Topic => Settings.Topic;

    /// <summary>Gets a one-line description of the broker, for the first line a sample prints.</summary>
    public string Describe() => Kind switch
    {
        ConnectionKind.EmbeddedInProcess => $"embedded Kafka (the C# broker) in this process at {Connection.BootstrapServers}",
        ConnectionKind.BrokerHost => $"embedded Kafka of the broker host (samples/Broker) at {Connection.BootstrapServers}",
        _ => Connection.Source is null ? $"Kafka at {Connection.BootstrapServers}" : $"Kafka at {Connection.BootstrapServers} from {Connection.Source}",
    };

    /// <summary>Creates a context on an embedded cluster the caller owns (the lab runner and tests).</summary>
    /// <param name="cluster">The running cluster; not disposed by the context.</param>
    /// <param name="settings">The shared settings.</param>
    /// <param name="console">Where to print; null discards.</param>
    /// <param name="cancellationToken">Cancels the section.</param>
    /// <returns>The context.</returns>
    public static SampleContext ForCluster(
        EmbeddedKafkaCluster cluster, SampleSettings settings, IAnsiConsole? console = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(settings);
        return new SampleContext(
            settings, cluster.Connection, ConnectionKind.EmbeddedInProcess, cluster, ownsCluster: false, console ?? SampleConsole.Null, cancellationToken);
    }

    /// <summary>
    /// Resolves the connection: <c>-f</c> or <c>--bootstrap-servers</c> name a real cluster (checked with a
    /// metadata request); else a live broker host's well-known file; else an embedded broker in this process.
    /// </summary>
    /// <param name="settings">The shared settings.</param>
    /// <param name="console">Where to print.</param>
    /// <param name="cancellationToken">Cancels the section.</param>
    /// <returns>The context; dispose it to stop an embedded broker it started.</returns>
    /// <exception cref="SampleException">The config file is missing or invalid, or the cluster does not answer.</exception>
    public static async Task<SampleContext> CreateAsync(SampleSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ConfigFile is not null || settings.BootstrapServers is not null)
        {
            var connection = ConnectionFromArguments(settings);
            await CheckReachableAsync(connection, settings.Verbose, cancellationToken).ConfigureAwait(false);
            return new SampleContext(settings, connection, ConnectionKind.Cluster, null, ownsCluster: false, console, cancellationToken);
        }

        if (await BrokerFile.FindLiveAsync(cancellationToken: cancellationToken).ConfigureAwait(false) is { } hosted)
        {
            var connection = KafkaConnection.FromBootstrapServers(hosted);
            return new SampleContext(settings, connection, ConnectionKind.BrokerHost, null, ownsCluster: false, console, cancellationToken);
        }

        var cluster = await EmbeddedKafkaCluster.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        cluster.CreateTopic(settings.Topic, SampleSettings.DefaultPartitions);
        return new SampleContext(settings, cluster.Connection, ConnectionKind.EmbeddedInProcess, cluster, ownsCluster: true, console, cancellationToken);
    }

    /// <summary>Returns a consumer group id unique to this run, so a rerun never inherits committed offsets.</summary>
    /// <param name="name">A readable name, e.g. "lab-a".</param>
    /// <returns>The group id.</returns>
    public string GroupId(string name) => $"{name}-{RunId}";

    /// <summary>Makes sure a topic exists with the lab's partition count where the sample can create topics.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="partitions">The partition count.</param>
    /// <returns>A task that completes when the topic exists (or the broker will auto-create it).</returns>
    public async Task EnsureTopicAsync(string topic, int partitions = SampleSettings.DefaultPartitions)
    {
        if (Cluster is not null)
        {
            try
            {
                Cluster.CreateTopic(topic, partitions);
            }
            catch (KafkaException e) when (e.Error.Code == ErrorCode.TopicAlreadyExists)
            {
                // Already there from an earlier section: keep it and its partitions.
            }

            return;
        }

        using var admin = new AdminClientBuilder(Connection.CreateAdminConfig()).SetLogHandler((_, _) => { }).Build();
        try
        {
            await admin.CreateTopicsAsync(
                [new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = -1 }],
                new CreateTopicsOptions { RequestTimeout = TimeSpan.FromSeconds(10) }).ConfigureAwait(false);
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Already there: the lab creates its topic once, in the Confluent console.
        }
    }

    /// <summary>Prints a numbered banner for one step of the lab.</summary>
    /// <param name="number">The lab's step number, e.g. "2".</param>
    /// <param name="title">What the step does.</param>
    public void Step(string number, string title) =>
        Console.Write(new Rule($"[bold yellow]{Markup.Escape(number)}.[/] {Markup.Escape(title)}").LeftJustified());

    /// <summary>Prints one line of progress.</summary>
    /// <param name="text">The text (no markup).</param>
    public void Info(string text) => Console.WriteLine(text);

    /// <summary>Stops the embedded broker this context started, if any.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (ownedCluster is not null)
        {
            await ownedCluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}

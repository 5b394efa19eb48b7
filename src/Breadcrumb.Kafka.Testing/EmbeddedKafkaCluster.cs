using System.Runtime.InteropServices;
using System.Text;
using Breadcrumb.Kafka.Testing.Fidelity;
using Breadcrumb.Kafka.Testing.Native;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Testing;

/// <summary>
/// Runs Kafka inside this process with nothing installed, over librdkafka's mock cluster, for tests,
/// samples and exercises. Any Kafka client on this machine can connect to <see cref="BootstrapServers"/>.
/// </summary>
/// <remarks>
/// <para>The cluster lives as long as this object: dispose it to stop it. Several clusters in one process
/// are independent.</para>
/// <para>By default clients reach the mock through a transaction-aware layer (<see cref="EmbeddedKafkaOptions.Fidelity"/>)
/// that gives read_committed consumers Kafka's answers and answers admin CreateTopics/DeleteTopics/DeleteRecords.
/// Known differences from Kafka (see docs/embedded-broker.md): each partition keeps at most 5 MiB or
/// 100,000 messages and silently drops the oldest (check with <see cref="AssertNothingDroppedAsync"/>);
/// topics auto-create with 4 partitions (use <see cref="CreateTopic"/> for another count).</para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public sealed partial class EmbeddedKafkaCluster : IAsyncDisposable, IDisposable
{
    private readonly object gate = new();
    private IntPtr handle;
    private IntPtr cluster;
    private FidelityLayer? layer;

    private EmbeddedKafkaCluster(IntPtr handle, IntPtr cluster, EmbeddedKafkaOptions options)
    {
        this.handle = handle;
        this.cluster = cluster;
        Options = options;
        MockBootstrapServers = Marshal.PtrToStringUTF8(MockClusterNative.ClusterBootstraps(cluster))
            ?? throw new InvalidOperationException("librdkafka's mock cluster reported no bootstrap address.");
        layer = options.Fidelity == EmbeddedKafkaFidelity.Faithful ? FidelityLayer.Start(cluster, MockBootstrapServers, new LayerAdmin(this)) : null;
        BootstrapServers = layer?.BootstrapServers ?? MockBootstrapServers;

        var connection = KafkaConnection.FromBootstrapServers(BootstrapServers);
        Connection = options.FastGroupProfile ? connection.WithConsumerProperty("group.protocol", "consumer") : connection;
    }

    /// <summary>Gets the <c>host:port</c> list clients bootstrap from (the layer's listeners when <see cref="EmbeddedKafkaOptions.Fidelity"/> is faithful).</summary>
    public string BootstrapServers { get; }

    /// <summary>Gets the mock cluster's own listeners, which bypass the fidelity layer.</summary>
    public string MockBootstrapServers { get; }

    /// <summary>Gets a connection to this cluster, with the consumer settings its group profile needs.</summary>
    public KafkaConnection Connection { get; }

    /// <summary>Gets the options the cluster was started with.</summary>
    public EmbeddedKafkaOptions Options { get; }

    /// <summary>Gets the number of brokers.</summary>
    public int BrokerCount => Options.BrokerCount;

    /// <summary>Starts a cluster.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The running cluster.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="PlatformNotSupportedException">librdkafka.redist ships no native library for this platform.</exception>
    public static EmbeddedKafkaCluster Start(EmbeddedKafkaOptions? options = null)
    {
        options ??= new EmbeddedKafkaOptions();
        options.Validate();
        LibrdkafkaLocator.EnsureResolver();

        var errors = new byte[512];
        var conf = MockClusterNative.ConfNew();
        SetConf(conf, "log_level", "3", errors);
        SetConf(conf, "client.id", "breadcrumb-embedded-kafka", errors);
        var rk = MockClusterNative.KafkaNew(MockClusterNative.ProducerType, conf, errors, (UIntPtr)errors.Length);
        if (rk == IntPtr.Zero)
        {
            MockClusterNative.ConfDestroy(conf);
            throw new InvalidOperationException($"librdkafka refused to create the mock cluster's host client: {ReadError(errors)}");
        }

        var mock = MockClusterNative.ClusterNew(rk, options.BrokerCount);
        if (mock == IntPtr.Zero)
        {
            MockClusterNative.KafkaDestroy(rk);
            throw new InvalidOperationException("librdkafka could not start a mock cluster (it may be unable to open a loopback listener).");
        }

        if (options.FastGroupProfile)
        {
            MockClusterNative.GroupInitialRebalanceDelayMs(mock, EmbeddedKafkaDefaults.InitialRebalanceDelayMs);
            MockClusterNative.SetGroupConsumerHeartbeatIntervalMs(mock, EmbeddedKafkaDefaults.GroupHeartbeatIntervalMs);
            MockClusterNative.SetGroupConsumerSessionTimeoutMs(mock, (int)options.GroupSessionTimeout.TotalMilliseconds);
        }

        return new EmbeddedKafkaCluster(rk, mock, options);
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
    /// <param name="topic">The topic name.</param>
    /// <param name="partitions">The partition count, 1 to 10,000.</param>
    /// <exception cref="KafkaException">The mock refused, for example because the topic already exists.</exception>
    public void CreateTopic(string topic, int partitions)
    {
        TopicNames.Validate(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitions, 10_000);
        Check(MockClusterNative.TopicCreate(Cluster, topic, partitions, 1), $"create topic '{topic}' with {partitions} partitions");
    }

    /// <summary>Deletes a topic and its records.</summary>
    /// <param name="topic">The topic name.</param>
    /// <exception cref="KafkaException">The topic does not exist.</exception>
    public void DeleteTopic(string topic)
    {
        TopicNames.Validate(topic);
        Check(MockClusterNative.TopicDelete(Cluster, topic), $"delete topic '{topic}'");
        Forget(topic);
    }

    /// <summary>Deletes the records of one partition before an offset, moving its low watermark there.</summary>
    /// <param name="topic">The topic name.</param>
    /// <param name="partition">The partition.</param>
    /// <param name="beforeOffset">The new low watermark; records before it are deleted.</param>
    /// <exception cref="KafkaException">The topic or partition does not exist, or the offset is past the high watermark.</exception>
    public void DeleteRecords(string topic, int partition, long beforeOffset)
    {
        TopicNames.Validate(topic);
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfNegative(beforeOffset);
        Check(
            MockClusterNative.PartitionDeleteRecords(Cluster, topic, partition, beforeOffset),
            $"delete records of '{topic}' [{partition}] before offset {beforeOffset}");
        deletedBefore[(topic, partition)] = beforeOffset;
    }

    /// <summary>Makes the next requests of one kind fail with the given errors, in order, on any broker.</summary>
    /// <param name="apiKey">The Kafka request kind, e.g. <see cref="KafkaApiKey.Produce"/>.</param>
    /// <param name="errors">One error per request; <see cref="ErrorCode.NoError"/> lets one through.</param>
    public void PushRequestErrors(KafkaApiKey apiKey, params ErrorCode[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Length == 0)
        {
            return;
        }

        MockClusterNative.PushRequestErrorsArray(Cluster, (short)apiKey, (UIntPtr)errors.Length, Array.ConvertAll(errors, e => (int)e));
    }

    /// <summary>Forgets the errors still queued for one kind of request.</summary>
    /// <param name="apiKey">The Kafka request kind.</param>
    public void ClearRequestErrors(KafkaApiKey apiKey) => MockClusterNative.ClearRequestErrors(Cluster, (short)apiKey);

    /// <summary>Takes a broker down: its connections close and it refuses new ones until <see cref="SetBrokerUp"/>.</summary>
    /// <param name="brokerId">The broker id, 1 to <see cref="BrokerCount"/>.</param>
    public void SetBrokerDown(int brokerId) =>
        Check(MockClusterNative.BrokerSetDown(Cluster, ValidBroker(brokerId)), $"take broker {brokerId} down");

    /// <summary>Brings a broker taken down by <see cref="SetBrokerDown"/> back up.</summary>
    /// <param name="brokerId">The broker id, 1 to <see cref="BrokerCount"/>.</param>
    public void SetBrokerUp(int brokerId) =>
        Check(MockClusterNative.BrokerSetUp(Cluster, ValidBroker(brokerId)), $"bring broker {brokerId} up");

    /// <summary>Delays every response of one broker by the given round-trip time.</summary>
    /// <param name="brokerId">The broker id, 1 to <see cref="BrokerCount"/>.</param>
    /// <param name="roundTripTime">The added delay; zero removes it.</param>
    public void SetBrokerRoundTripTime(int brokerId, TimeSpan roundTripTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(roundTripTime, TimeSpan.Zero);
        Check(
            MockClusterNative.BrokerSetRtt(Cluster, ValidBroker(brokerId), (int)roundTripTime.TotalMilliseconds),
            $"set broker {brokerId} round-trip time");
    }

    internal IntPtr Cluster
    {
        get
        {
            lock (gate)
            {
                ObjectDisposedException.ThrowIf(cluster == IntPtr.Zero, this);
                return cluster;
            }
        }
    }

    private void Forget(string topic)
    {
        layer?.Ledger.Forget(topic);
        foreach (var key in deletedBefore.Keys.Where(k => k.Topic == topic))
        {
            deletedBefore.TryRemove(key, out _);
        }
    }

    private static void SetConf(IntPtr conf, string name, string value, byte[] errors)
    {
        if (MockClusterNative.ConfSet(conf, name, value, errors, (UIntPtr)errors.Length) != 0)
        {
            MockClusterNative.ConfDestroy(conf);
            throw new InvalidOperationException($"librdkafka rejected '{name}={value}': {ReadError(errors)}");
        }
    }

    private static string ReadError(byte[] errors)
    {
        var end = Array.IndexOf(errors, (byte)0);
        return Encoding.UTF8.GetString(errors, 0, end < 0 ? errors.Length : end);
    }

    private static void Check(int errorCode, string what)
    {
        if (errorCode != 0)
        {
            var code = (ErrorCode)errorCode;
            throw new KafkaException(new Error(code, $"Embedded Kafka could not {what}: {code} ({new Error(code).Reason})."));
        }
    }

    private int ValidBroker(int brokerId)
    {
        if (brokerId < 1 || brokerId > BrokerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(brokerId), brokerId, $"Broker ids of this cluster run from 1 to {BrokerCount}.");
        }

        return brokerId;
    }
}

using System.Runtime.InteropServices;
using System.Text;

namespace Breadcrumb.Kafka.BrokerBench.Mock;

/// <summary>
/// librdkafka's mock cluster, started over P/Invoke from the librdkafka Confluent.Kafka loaded: the embedded broker the
/// C# broker replaced, kept in this bench alone so both are measured in one run (the product no longer has it).
/// </summary>
internal sealed class RawMock : IDisposable
{
    private IntPtr handle;
    private IntPtr cluster;

    private RawMock(IntPtr handle, IntPtr cluster)
    {
        this.handle = handle;
        this.cluster = cluster;
        BootstrapServers = Marshal.PtrToStringUTF8(MockClusterNative.ClusterBootstraps(cluster)) ?? throw new InvalidOperationException("The mock reported no address.");
    }

    public string BootstrapServers { get; }

    public static RawMock Start(int brokers = 1)
    {
        LibrdkafkaLocator.EnsureResolver();
        var errors = new byte[512];
        var conf = MockClusterNative.ConfNew();
        MockClusterNative.ConfSet(conf, "log_level", "3", errors, (UIntPtr)errors.Length);
        var rk = MockClusterNative.KafkaNew(MockClusterNative.ProducerType, conf, errors, (UIntPtr)errors.Length);
        if (rk == IntPtr.Zero)
        {
            throw new InvalidOperationException("librdkafka refused the mock's host client: " + Encoding.UTF8.GetString(errors).TrimEnd('\0'));
        }

        var mock = MockClusterNative.ClusterNew(rk, brokers);
        return mock == IntPtr.Zero ? throw new InvalidOperationException("librdkafka could not start a mock cluster.") : new RawMock(rk, mock);
    }

    public void CreateTopic(string topic, int partitions) => Check(MockClusterNative.TopicCreate(cluster, topic, partitions, 1), "create " + topic);

    public void DeleteTopic(string topic) => Check(MockClusterNative.TopicDelete(cluster, topic), "delete " + topic);

    public void Dispose()
    {
        if (cluster != IntPtr.Zero)
        {
            MockClusterNative.ClusterDestroy(cluster);
            MockClusterNative.KafkaDestroy(handle);
            cluster = handle = IntPtr.Zero;
        }
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"The mock could not {what}: error {error}.");
        }
    }
}

using System.Runtime.InteropServices;

namespace Breadcrumb.Kafka.BrokerBench.Mock;

/// <summary>
/// P/Invoke declarations for librdkafka's mock cluster (<c>rdkafka_mock.h</c>) and the few core calls it needs.
/// Kept in the bench only, to measure the C# broker against the mock it replaced in the same run.
/// </summary>
internal static partial class MockClusterNative
{
    internal const int ProducerType = 0;

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_conf_new")]
    internal static partial IntPtr ConfNew();

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ConfSet(IntPtr conf, string name, string value, byte[] errstr, UIntPtr errstrSize);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_conf_destroy")]
    internal static partial void ConfDestroy(IntPtr conf);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_new")]
    internal static partial IntPtr KafkaNew(int type, IntPtr conf, byte[] errstr, UIntPtr errstrSize);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_destroy")]
    internal static partial void KafkaDestroy(IntPtr rk);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_cluster_new")]
    internal static partial IntPtr ClusterNew(IntPtr rk, int brokerCount);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    internal static partial void ClusterDestroy(IntPtr cluster);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    internal static partial IntPtr ClusterBootstraps(IntPtr cluster);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TopicCreate(IntPtr cluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_topic_delete", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TopicDelete(IntPtr cluster, string topic);
}

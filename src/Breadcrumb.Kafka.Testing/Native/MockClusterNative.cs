using System.Runtime.InteropServices;

namespace Breadcrumb.Kafka.Testing.Native;

/// <summary>
/// P/Invoke declarations for librdkafka's mock cluster (<c>rdkafka_mock.h</c>) and the few core calls it needs.
/// The mock API is experimental in librdkafka: the assumption tests pin the behaviour we rely on.
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

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_partition_delete_records", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int PartitionDeleteRecords(IntPtr cluster, string topic, int partition, long beforeOffset);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_push_request_errors_array")]
    internal static partial void PushRequestErrorsArray(IntPtr cluster, short apiKey, UIntPtr count, int[] errors);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_clear_request_errors")]
    internal static partial void ClearRequestErrors(IntPtr cluster, short apiKey);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_broker_set_down")]
    internal static partial int BrokerSetDown(IntPtr cluster, int brokerId);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_broker_set_up")]
    internal static partial int BrokerSetUp(IntPtr cluster, int brokerId);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_broker_set_rtt")]
    internal static partial int BrokerSetRtt(IntPtr cluster, int brokerId, int rttMs);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_broker_set_host_port", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void BrokerSetHostPort(IntPtr cluster, int brokerId, string host, int port);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    internal static partial void GroupInitialRebalanceDelayMs(IntPtr cluster, int delayMs);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_set_group_consumer_session_timeout_ms")]
    internal static partial void SetGroupConsumerSessionTimeoutMs(IntPtr cluster, int timeoutMs);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_set_group_consumer_heartbeat_interval_ms")]
    internal static partial void SetGroupConsumerHeartbeatIntervalMs(IntPtr cluster, int intervalMs);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_set_apiversion")]
    internal static partial int SetApiVersion(IntPtr cluster, short apiKey, short minVersion, short maxVersion);

    [LibraryImport(LibrdkafkaLocator.LibraryName, EntryPoint = "rd_kafka_mock_coordinator_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int CoordinatorSet(IntPtr cluster, string keyType, string key, int brokerId);
}

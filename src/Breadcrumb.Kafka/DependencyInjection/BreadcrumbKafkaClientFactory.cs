using Breadcrumb.Kafka.Topics;

namespace Breadcrumb.Kafka;

/// <summary>
/// Creates Breadcrumb.Kafka clients on the connection and defaults registered with
/// <see cref="BreadcrumbKafkaServiceCollectionExtensions.AddBreadcrumbKafka(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{BreadcrumbKafkaOptions})"/>.
/// </summary>
/// <remarks>
/// <para>Registered as a singleton; thread-safe. Each <c>Create…</c> call returns a new client that the caller owns and
/// disposes (<c>await using</c>), as with <c>IHttpClientFactory</c> or <c>IDbContextFactory</c>: Kafka clients are
/// long-lived and stateful, so the container never shares or disposes them for you.</para>
/// <para>Defaults: a client whose options name no topic gets <see cref="BreadcrumbKafkaOptions.Topic"/>, and a consumer with
/// no group id gets <see cref="BreadcrumbKafkaOptions.GroupId"/>. The clients log librdkafka's lines to the container's
/// <c>ILoggerFactory</c> when there is one.</para>
/// </remarks>
public sealed partial class BreadcrumbKafkaClientFactory
{
    internal BreadcrumbKafkaClientFactory(
        KafkaConnection connection,
        string? defaultTopic,
        string? defaultGroupId,
        IRecordDeleter? recordDeleter = null,
        IStoredBytesReporter? storedBytes = null)
    {
        Connection = connection;
        DefaultTopic = defaultTopic;
        DefaultGroupId = defaultGroupId;
        RecordDeleter = recordDeleter;
        StoredBytes = storedBytes;
    }

    /// <summary>Gets the validated connection every client is created on.</summary>
    public KafkaConnection Connection { get; }

    /// <summary>Gets the topic a client whose options name none gets.</summary>
    internal string? DefaultTopic { get; }

    /// <summary>Gets the group id a consumer whose options name none gets.</summary>
    internal string? DefaultGroupId { get; }

    /// <summary>Gets the registered record deleter (a test broker's hook), if any.</summary>
    internal IRecordDeleter? RecordDeleter { get; }

    /// <summary>Gets the registered stored-bytes reporter, if any.</summary>
    internal IStoredBytesReporter? StoredBytes { get; }
}

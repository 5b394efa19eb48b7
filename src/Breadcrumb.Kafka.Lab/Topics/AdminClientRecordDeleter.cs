using Breadcrumb.Kafka.Logging;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Deletes records with Confluent's admin client (Kafka's DeleteRecords API), as real brokers and Confluent Cloud support.</summary>
public sealed class AdminClientRecordDeleter : IRecordDeleter, IDisposable, IAsyncDisposable
{
    private readonly IAdminClient admin;
    private readonly TimeSpan requestTimeout;

    /// <summary>Initializes a new instance of the <see cref="AdminClientRecordDeleter"/> class.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="requestTimeout">How long the broker may take; the default is 30 seconds.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is <see langword="null"/>.</exception>
    public AdminClientRecordDeleter(KafkaConnection connection, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.requestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30);
        admin = new AdminClientBuilder(connection.CreateAdminConfig()).WithLogging(connection.CreateLogger<AdminClientRecordDeleter>()).Build();
    }

    /// <inheritdoc/>
    /// <exception cref="KafkaException">The broker refused a partition; the error is the first partition's.</exception>
    public async Task<IReadOnlyList<TopicPartitionOffset>> DeleteRecordsAsync(IReadOnlyList<TopicPartitionOffset> deleteBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deleteBefore);
        try
        {
            var results = await admin.DeleteRecordsAsync(deleteBefore, new DeleteRecordsOptions
            {
                RequestTimeout = requestTimeout,
                OperationTimeout = requestTimeout,
            }).WaitAsync(cancellationToken).ConfigureAwait(false);
            return results.Select(r => new TopicPartitionOffset(r.Topic, r.Partition, r.Offset)).ToList();
        }
        catch (DeleteRecordsException e) when (FirstFailure(e) is { } failed)
        {
            throw new KafkaException(failed.Error);
        }
    }

    private static DeleteRecordsReport? FirstFailure(DeleteRecordsException exception) =>
        exception is { Results: var reports } ? reports.FirstOrDefault(r => r.Error.IsError) : null;

    /// <summary>Closes the admin client.</summary>
    public void Dispose() => admin.Dispose();

    /// <summary>Closes the admin client on a worker thread, since librdkafka's teardown blocks.</summary>
    /// <returns>A task that completes when the client is closed.</returns>
    public ValueTask DisposeAsync() => new(Task.Run(Dispose));
}

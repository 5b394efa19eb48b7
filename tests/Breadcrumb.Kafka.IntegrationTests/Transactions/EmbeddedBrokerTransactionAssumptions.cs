using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

/// <summary>
/// Assumption tests: they pin what librdkafka's raw mock cluster (2.16) does with transactions, so a change shows up here
/// by name. They start the cluster with default options, which today is the raw mock; when the read_committed layer
/// (issue 12) becomes the default, these must start the cluster in its raw mode (or they will fail, saying so).
/// </summary>
public sealed class EmbeddedBrokerTransactionAssumptions : IAsyncLifetime
{
    private EmbeddedKafkaCluster? cluster;

    public ValueTask InitializeAsync()
    {
        cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions());
        return ValueTask.CompletedTask;
    }

    [Fact(Timeout = 60_000)]
    public async Task Assumption_RawMock_ReadCommittedProbeSaysAbortedRecordsAreNotFiltered()
    {
        var result = await ReadCommittedProbe.RunAsync(cluster!, TestContext.Current.CancellationToken);

        result.IsSupported.Should().BeFalse(
            "ASSUMPTION BROKEN: the raw mock's Fetch now filters aborted records (LSO/aborted transactions): "
            + $"the embedded read_committed scenarios can run unskipped. Probe: {result}");
        result.Reason.Should().StartWith("a read_committed consumer received the record of an aborted transaction");
    }

    [Fact(Timeout = 60_000)]
    public async Task Assumption_RawMock_TransactionalOffsetsAreNotStored()
    {
        var result = await TransactionalOffsetsProbe.RunAsync(cluster!, TestContext.Current.CancellationToken);

        result.IsSupported.Should().BeFalse($"ASSUMPTION BROKEN: the raw mock now stores offsets sent with a transaction. Probe: {result}");
        result.Reason.Should().Contain("the committed offset is unset");
    }

    [Fact(Timeout = 60_000)]
    public async Task Assumption_RawMock_SecondProducerWithSameTransactionalIdDoesNotFenceTheFirst()
    {
        var result = await TransactionalFencingProbe.RunAsync(cluster!, TestContext.Current.CancellationToken);

        result.IsSupported.Should().BeFalse($"ASSUMPTION BROKEN: the raw mock now fences an older producer of the same transactional.id. Probe: {result}");
        result.Reason.Should().Contain("the first still committed a transaction");
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

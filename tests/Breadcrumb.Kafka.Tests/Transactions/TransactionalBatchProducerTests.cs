using System.Text.Json;
using Breadcrumb.Kafka.Lab;
using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;

namespace Breadcrumb.Kafka.Tests.Transactions;

public sealed partial class TransactionalBatchProducerTests : IDisposable
{
    private readonly FakeTransactionalClient client = new();

    public void Dispose() => client.Dispose();

    [Fact(Timeout = 10_000)]
    public async Task RunBatchAsync_DecisionDelay_WaitsTwoSecondsOnTheFakeClock()
    {
        var time = new TimerSignallingTimeProvider();
        DateTimeOffset? decidedAt = null;
        await using var sut = CreateSut(o =>
        {
            o.DecisionDelay = TimeSpan.FromSeconds(2);
            o.TimeProvider = time;
            o.Decision = TransactionDecision.From(_ =>
            {
                decidedAt = time.GetUtcNow();
                return true;
            });
        });
        var start = time.GetUtcNow();

        var batch = sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);
        await time.TimerCreated.WaitAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));

        batch.IsCompleted.Should().BeFalse("the decision waits the full 2 s");
        client.Calls.Should().NotContain(["commit", "abort"]);
        time.Advance(TimeSpan.FromTicks(1));
        var result = await batch;

        result.Outcome.Should().Be(TransactionOutcome.Committed);
        decidedAt.Should().Be(start + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task RunBatchAsync_AlwaysCommit_InitsBeginsWritesCommits()
    {
        await using var sut = CreateSut();

        var result = await sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);

        client.Calls.Should().Equal("init", "begin", "produce t1", "produce t1", "produce t1", "produce t1", "commit");
        result.Should().BeEquivalentTo(new { BatchNumber = 1, Outcome = TransactionOutcome.Committed, Error = (Exception?)null });
        result.Records.Select(r => r.Offset).Should().Equal(0, 1, 2, 3);
        result.Reason.Should().Be("committed: always commit said commit");
    }

    [Fact]
    public async Task RunBatchAsync_Values_AreBreadcrumbJsonUtf8AndKeysFromSelector()
    {
        await using var sut = CreateSut(o => o.KeySelector = r => r.VehicleId);
        var records = TestRecords.Make(4);

        var result = await sut.RunBatchAsync(records, TestContext.Current.CancellationToken);

        client.Produced.Select(p => JsonSerializer.Deserialize(p.Value, BreadcrumbJsonContext.Default.BreadcrumbRecord)).Should().Equal(records);
        result.Records.Select(r => r.Key).Should().Equal("3000", "3001", "3002", "3003");
    }

    [Fact]
    public async Task RunBatchAsync_TwoPlusTwo_FirstTwoRecordsToFirstTopic()
    {
        await using var sut = CreateSut(o =>
        {
            o.Topics.Add("t2");
            o.RecordsPerTopic.Add(2);
            o.RecordsPerTopic.Add(2);
        });

        var result = await sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);

        result.Records.Select(r => r.Topic).Should().Equal("t1", "t1", "t2", "t2");
    }

    [Fact]
    public async Task RunBatchAsync_AlwaysAbort_AbortsAndReportsAborted()
    {
        await using var sut = CreateSut(o => o.Decision = TransactionDecision.AlwaysAbort);

        var result = await sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(TransactionOutcome.Aborted);
        result.Records.Should().HaveCount(4);
        client.Calls[^1].Should().Be("abort");
        client.Calls.Should().NotContain("commit");
    }

    [Fact]
    public async Task RunBatchAsync_KeySelectorThrowsMidBatch_AbortsThatBatchAndLaterBatchesCommit()
    {
        await using var sut = CreateSut(o => o.KeySelector = r => r.EventNoTrip == "trip-6" ? throw new FormatException("bad trip 6") : r.EventNoTrip);

        var first = await sut.RunBatchAsync(TestRecords.Make(4, first: 0), TestContext.Current.CancellationToken);
        var failed = await sut.RunBatchAsync(TestRecords.Make(4, first: 4), TestContext.Current.CancellationToken);
        var third = await sut.RunBatchAsync(TestRecords.Make(4, first: 8), TestContext.Current.CancellationToken);

        first.Outcome.Should().Be(TransactionOutcome.Committed);
        failed.Outcome.Should().Be(TransactionOutcome.Failed);
        failed.Error.Should().BeOfType<FormatException>();
        failed.Reason.Should().Be("aborted after FormatException: bad trip 6");
        failed.Records.Select(r => r.Key).Should().Equal("trip-4", "trip-5");
        third.Outcome.Should().Be(TransactionOutcome.Committed);
        client.Calls.Count(c => c == "abort").Should().Be(1);
    }

    [Fact]
    public async Task RunBatchAsync_DecisionThrows_ReportsFailed()
    {
        await using var sut = CreateSut(o => o.Decision = TransactionDecision.From(_ => throw new InvalidOperationException("coin lost")));

        var result = await sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(TransactionOutcome.Failed);
        result.Records.Should().HaveCount(4);
        client.Calls[^1].Should().Be("abort");
    }

    [Fact(Timeout = 10_000)]
    public async Task RunBatchAsync_CancelledDuringWait_AbortsThenThrows()
    {
        var time = new TimerSignallingTimeProvider();
        await using var sut = CreateSut(o =>
        {
            o.TimeProvider = time;
            o.DecisionDelay = TimeSpan.FromSeconds(2);
        });
        using var cts = new CancellationTokenSource();

        var batch = sut.RunBatchAsync(TestRecords.Make(4), cts.Token);
        await time.TimerCreated.WaitAsync(TestContext.Current.CancellationToken);
        await cts.CancelAsync();

        await batch.Invoking(b => b).Should().ThrowAsync<OperationCanceledException>();
        client.Calls[^1].Should().Be("abort");
    }

    [Fact]
    public async Task RunBatchAsync_WithConsumerOffsets_SendsThemInTheTransaction()
    {
        await using var sut = CreateSut();
        var offsets = new[] { new TopicPartitionOffset("in", 0, 10) };
        var metadata = new FakeGroupMetadata();

        var result = await sut.RunBatchAsync(TestRecords.Make(2), metadata, offsets, TestContext.Current.CancellationToken);

        client.Calls.Should().ContainInOrder("produce t1", "send-offsets", "commit");
        client.SentOffsets.Should().ContainSingle().Which.Metadata.Should().BeSameAs(metadata);
        result.ConsumerOffsets.Should().Equal(offsets);
    }

    [Fact]
    public async Task RunBatchAsync_MoreRecordsThanBatchSize_SaysTheLimit()
    {
        await using var sut = CreateSut();

        var act = () => sut.RunBatchAsync(TestRecords.Make(5), TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("A batch holds 1 to 4 records (TransactionalBatchOptions.BatchSize); got 5.*");
    }

    [Fact]
    public async Task RunBatchAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var sut = CreateSut();
        await sut.DisposeAsync();

        client.Disposed.Should().BeTrue();
        await sut.Invoking(s => s.RunBatchAsync(TestRecords.Make(1), CancellationToken.None)).Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task RunAsync_TenRecordsFiveBatchesAllowed_RunsThreeBatchesLastPartial()
    {
        await using var sut = CreateSut();
        var reported = new List<int>();

        var summary = await sut.RunAsync(TestRecords.Make(10), 5, new SyncProgress(r => reported.Add(r.BatchNumber)), TestContext.Current.CancellationToken);

        summary.Batches.Select(b => b.Records.Count).Should().Equal(4, 4, 2);
        reported.Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task RunAsync_AsyncSourceLongerThanBatchCount_StopsAfterBatchCount()
    {
        await using var sut = CreateSut(o => o.Decision = new CoinFlipDecision(7));

        var summary = await sut.RunAsync(ToAsync(TestRecords.Make(100)), 20, cancellationToken: TestContext.Current.CancellationToken);

        var coin = new CoinFlipDecision(7);
        var expected = Enumerable.Range(1, 20).Select(_ => coin.ShouldCommit(new TransactionDecisionContext(0, [])) ? TransactionOutcome.Committed : TransactionOutcome.Aborted);
        summary.Batches.Select(b => b.Outcome).Should().Equal(expected);
        summary.Topics["t1"].TotalRecords.Should().Be(80);
    }

    private static async IAsyncEnumerable<BreadcrumbRecord> ToAsync(IEnumerable<BreadcrumbRecord> records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }

    private TransactionalBatchProducer CreateSut(Action<TransactionalBatchOptions>? configure = null)
    {
        var options = LabPreset.Apply(new TransactionalBatchOptions { TransactionalId = "tx-1", DecisionDelay = TimeSpan.Zero, Topics = { "t1" } });
        configure?.Invoke(options);
        return new TransactionalBatchProducer(options, client);
    }

    private sealed class SyncProgress(Action<TransactionBatchResult> report) : IProgress<TransactionBatchResult>
    {
        public void Report(TransactionBatchResult value) => report(value);
    }

    private sealed class FakeGroupMetadata : IConsumerGroupMetadata;
}

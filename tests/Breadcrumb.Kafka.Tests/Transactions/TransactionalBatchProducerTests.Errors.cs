using Breadcrumb.Kafka.Lab;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Tests.Transactions;

/// <content>Kafka errors: abortable, retriable, fenced and fatal.</content>
public sealed partial class TransactionalBatchProducerTests
{
    [Fact]
    public async Task RunBatchAsync_CommitAbortableError_AbortsAndReportsFailed_NextBatchCommits()
    {
        client.CommitErrors.Enqueue(new KafkaTxnRequiresAbortException(new Error(ErrorCode.InvalidTxnState, "txn state")));
        await using var sut = CreateSut();

        var failed = await sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);
        var next = await sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);

        failed.Outcome.Should().Be(TransactionOutcome.Failed);
        failed.Reason.Should().StartWith("aborted after an abortable Kafka error");
        next.Outcome.Should().Be(TransactionOutcome.Committed);
        client.Calls.Should().ContainInOrder("commit", "abort", "begin", "commit");
    }

    [Fact]
    public async Task RunBatchAsync_CommitRetriableTwice_CallsCommitAgainAndCommits()
    {
        client.CommitErrors.Enqueue(new KafkaRetriableException(new Error(ErrorCode.GroupLoadInProgress)));
        client.CommitErrors.Enqueue(new KafkaRetriableException(new Error(ErrorCode.GroupLoadInProgress)));
        await using var sut = CreateSut(o => o.RetryBackoff = TimeSpan.Zero);

        var result = await sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(TransactionOutcome.Committed);
        client.Calls.Count(c => c == "commit").Should().Be(3);
    }

    [Fact]
    public async Task RunBatchAsync_CommitRetriableBeyondMaxRetries_AbortsAndSaysHowOften()
    {
        for (var i = 0; i < 3; i++)
        {
            client.CommitErrors.Enqueue(new KafkaRetriableException(new Error(ErrorCode.RequestTimedOut, "timed out")));
        }

        await using var sut = CreateSut(o =>
        {
            o.MaxRetries = 2;
            o.RetryBackoff = TimeSpan.Zero;
        });

        var result = await sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(TransactionOutcome.Failed);
        result.Error!.Message.Should().Be("CommitTransaction failed with a retriable error 3 times (MaxRetries = 2); last: timed out");
        client.Calls[^1].Should().Be("abort");
    }

    [Theory]
    [InlineData(ErrorCode.ProducerFenced)]
    [InlineData(ErrorCode.InvalidProducerEpoch)]
    [InlineData(ErrorCode.Local_Fenced)]
    public async Task RunBatchAsync_Fenced_ThrowsWithCodeMeaningAndRemedy_ThenRefusesUse(ErrorCode code)
    {
        client.CommitErrors.Enqueue(new KafkaException(new Error(code, "fenced by a newer epoch", isFatal: true)));
        await using var sut = CreateSut();

        var act = () => sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);

        var thrown = (await act.Should().ThrowAsync<TransactionalProducerFatalException>()).Which;
        thrown.Error.Code.Should().Be(code);
        thrown.IsFenced.Should().BeTrue();
        thrown.Message.Should().Be(
            $"Transactional producer 'tx-1' was fenced (Kafka error {code} ({(int)code}): fenced by a newer epoch). Another producer with transactional.id "
            + "'tx-1' started (called InitTransactions) after this one; Kafka lets only the newest one write, so this one can no longer be used. "
            + "Dispose it; run one producer instance per transactional.id, and create a new producer only if this process should take over.");
        client.Calls.Should().NotContain("abort", "a fenced producer cannot abort");
        var again = () => sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);
        (await again.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be(thrown.Message);
        await sut.Invoking(s => s.InitAsync(TestContext.Current.CancellationToken)).Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task RunBatchAsync_FatalDeliveryError_ThrowsFatalNotFenced()
    {
        client.ProduceError = i => i == 1 ? new ProduceException<string, byte[]>(new Error(ErrorCode.Local_Fatal, "boom", true), null!) : null;
        await using var sut = CreateSut();

        var act = () => sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);

        var thrown = (await act.Should().ThrowAsync<TransactionalProducerFatalException>()).Which;
        thrown.IsFenced.Should().BeFalse();
        thrown.Message.Should().StartWith("Transactional producer 'tx-1' hit a fatal error (Kafka error Local_Fatal (-150): boom); it can no longer be used.");
    }

    [Fact]
    public async Task RunBatchAsync_AbortFails_ProducerRefusesFurtherUse()
    {
        client.AbortErrors.Enqueue(new KafkaException(new Error(ErrorCode.Local_TimedOut, "no coordinator")));
        await using var sut = CreateSut(o => o.Decision = TransactionDecision.AlwaysAbort);

        var act = () => sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<TransactionalProducerFatalException>()).Which.Message.Should().Contain("could not abort the open transaction: no coordinator");
        await sut.Invoking(s => s.RunBatchAsync(TestRecords.Make(1), CancellationToken.None)).Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task InitAsync_RetriableThenOk_Retries()
    {
        client.InitErrors.Enqueue(new KafkaRetriableException(new Error(ErrorCode.GroupCoordinatorNotAvailable)));
        await using var sut = CreateSut(o => o.RetryBackoff = TimeSpan.Zero);

        await sut.InitAsync(TestContext.Current.CancellationToken);
        await sut.RunBatchAsync(TestRecords.Make(1), TestContext.Current.CancellationToken);

        client.Calls.Count(c => c == "init").Should().Be(2);
    }
}

using Breadcrumb.Kafka.Producing;
using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;

namespace Breadcrumb.Kafka.Tests.Producing;

public sealed class QueueFullRetryTests
{
    private readonly FakeTimeProvider time = new();

    [Fact(Timeout = 30_000)]
    public async Task Execute_QueueFullTwice_RetriesUntilItFits()
    {
        var sut = QueueFullRetry.Create(TimeSpan.FromSeconds(30), time);
        var attempts = 0;

        var run = sut.ExecuteAsync(
            _ =>
            {
                if (++attempts <= 2)
                {
                    throw new ProduceException<byte[], byte[]>(new Error(ErrorCode.Local_QueueFull), new DeliveryResult<byte[], byte[]>());
                }

                return ValueTask.CompletedTask;
            },
            TestContext.Current.CancellationToken).AsTask();
        await AdvanceUntilDoneAsync(run);

        attempts.Should().Be(3);
    }

    [Fact(Timeout = 30_000)]
    public async Task Execute_OtherError_IsNotRetried()
    {
        var sut = QueueFullRetry.Create(TimeSpan.FromSeconds(30), time);
        var attempts = 0;

        var act = () => sut.ExecuteAsync(
            _ =>
            {
                attempts++;
                throw new ProduceException<byte[], byte[]>(new Error(ErrorCode.MsgSizeTooLarge), new DeliveryResult<byte[], byte[]>());
            },
            TestContext.Current.CancellationToken).AsTask();

        await act.Should().ThrowAsync<ProduceException<byte[], byte[]>>();
        attempts.Should().Be(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task Execute_QueueStaysFull_GivesUpAfterAboutTheTimeout()
    {
        var start = time.GetUtcNow();
        var sut = QueueFullRetry.Create(TimeSpan.FromSeconds(2), time);
        var attempts = 0;

        var run = sut.ExecuteAsync(
            _ =>
            {
                attempts++;
                throw new ProduceException<byte[], byte[]>(new Error(ErrorCode.Local_QueueFull), new DeliveryResult<byte[], byte[]>());
            },
            TestContext.Current.CancellationToken).AsTask();
        await AdvanceUntilDoneAsync(run);

        var act = () => run;
        await act.Should().ThrowAsync<ProduceException<byte[], byte[]>>();
        attempts.Should().Be(QueueFullRetry.RetriesWithin(TimeSpan.FromSeconds(2)) + 1);
        (time.GetUtcNow() - start).Should().BeCloseTo(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(63, 63)]
    [InlineData(2000, 2000)]
    public void RetriesWithin_CountsTheDelaysThatFit(int timeoutMs, int expected) =>
        QueueFullRetry.RetriesWithin(TimeSpan.FromMilliseconds(timeoutMs)).Should().Be(expected);

    [Fact]
    public void Failure_QueueFullTimeout_ExplainsCodeAndHint()
    {
        var error = QueueFullRetry.StayedFull(TimeSpan.FromSeconds(2));

        var sut = new BreadcrumbProduceException(error, "producer0", "breadcrumbs");

        sut.Error.Code.Should().Be(ErrorCode.Local_QueueFull);
        sut.Message.Should().StartWith("Producer 'producer0' could not send to topic 'breadcrumbs': the local producer queue stayed full for 00:00:02")
            .And.Contain("(Local_QueueFull: ")
            .And.Contain("Hint: the local queue stayed full: the broker is slow or unreachable, or raise queue.buffering.max.messages");
    }

    [Fact]
    public void Failure_Fatal_SaysFatalAndToCreateANewProducer()
    {
        var sut = new BreadcrumbProduceException(new Error(ErrorCode.Local_Fatal, "Fatal idempotent producer error", isFatal: true), "producer1", "t");

        sut.Message.Should().Contain("(Local_Fatal, fatal: ").And.Contain("create a new one");
        sut.Hint.Should().StartWith("the idempotent producer cannot keep");
    }

    // Fake time only moves when told: step it until the pipeline (its backoff delays, its timeout) has finished.
    private async Task AdvanceUntilDoneAsync(Task run)
    {
        for (var i = 0; i < 100_000 && !run.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }

        run.IsCompleted.Should().BeTrue("the pipeline should finish within 100 s of fake time");
    }
}

using System.Diagnostics;
using Breadcrumb.Kafka.Producing;
using Confluent.Kafka;
using Polly.Timeout;
using Microsoft.Extensions.Time.Testing;

namespace Breadcrumb.Kafka.Tests.Producing;

public sealed class QueueFullRetryTests
{
    private readonly TimerCountingTimeProvider time = new();

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
        await act.Should().ThrowAsync<TimeoutRejectedException>();
        attempts.Should().BeGreaterThan(1000, "it retried every millisecond until the time was up");
        (time.GetUtcNow() - start).Should().BeCloseTo(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));
    }

    [Fact(Timeout = 30_000)]
    public async Task Execute_EachAttemptTakesLongerThanTheDelay_GivesUpAtTheTimeoutNotAfterACount_Issue20()
    {
        var sut = QueueFullRetry.Create(TimeSpan.FromSeconds(2), time);
        var attempts = 0;

        // A real 1 ms timer often fires after 10–15 ms: model each attempt costing 50 ms.
        var run = sut.ExecuteAsync(
            _ =>
            {
                attempts++;
                time.Advance(TimeSpan.FromMilliseconds(50));
                throw new ProduceException<byte[], byte[]>(new Error(ErrorCode.Local_QueueFull), new DeliveryResult<byte[], byte[]>());
            },
            TestContext.Current.CancellationToken).AsTask();
        await AdvanceUntilDoneAsync(run);

        var act = () => run;
        await act.Should().ThrowAsync<TimeoutRejectedException>();
        attempts.Should().BeInRange(30, 45, "2 s of 50 ms attempts, not the 2,000 attempts a count made from 1 ms delays would allow");
    }

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

    // Fake time only moves when told. Step it 1 ms at a time, and only once the pipeline has reacted to the last step
    // (it set its next timer, or finished): stepping ahead of a busy thread pool would measure the scheduler, not
    // the pipeline.
    private async Task AdvanceUntilDoneAsync(Task run)
    {
        var timersSeen = 0;
        for (var i = 0; i < 100_000 && !run.IsCompleted; i++)
        {
            var waited = Stopwatch.StartNew();
            while (time.TimersCreated == timersSeen && !run.IsCompleted)
            {
                waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the pipeline should set its next timer after each step");
                await Task.Yield();
            }

            timersSeen = time.TimersCreated;
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        run.IsCompleted.Should().BeTrue("the pipeline should finish within 100 s of fake time");
    }

    private sealed class TimerCountingTimeProvider : FakeTimeProvider
    {
        private int timersCreated;

        public int TimersCreated => Volatile.Read(ref timersCreated);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref timersCreated);
            return timer;
        }
    }
}

using Breadcrumb.Kafka.Lab.Producing;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Producing;
using Microsoft.Extensions.Time.Testing;

namespace Breadcrumb.Kafka.Tests.Producing;

public sealed class ProduceLoopTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider time = new();
    private readonly RecordingTarget target = new();

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_DelayAfterEachSend_SendsNextOnlyWhenTheClockHasAdvanced()
    {
        var sut = CreateSut(FlushPolicy.AtEnd, new Pacing(TimeSpan.FromMilliseconds(250), null));

        var run = sut.RunAsync(Records(3), TestContext.Current.CancellationToken);
        await target.WaitForSendsAsync(1);
        time.Advance(TimeSpan.FromMilliseconds(249));
        var beforeDelay = target.Sends;
        time.Advance(TimeSpan.FromMilliseconds(1));
        await target.WaitForSendsAsync(2);
        time.Advance(TimeSpan.FromMilliseconds(250));
        await target.WaitForSendsAsync(3);
        time.Advance(TimeSpan.FromMilliseconds(250));
        await run.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        beforeDelay.Should().Be(1);
        target.Sends.Should().Be(3);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_PauseEveryFifth_SendsFiveThenWaitsTwoSeconds()
    {
        var sut = CreateSut(FlushPolicy.AtEnd, new Pacing(TimeSpan.Zero, new PauseRule(5, TimeSpan.FromSeconds(2))));

        var run = sut.RunAsync(Records(7), TestContext.Current.CancellationToken);
        await target.WaitForSendsAsync(5);
        time.Advance(TimeSpan.FromMilliseconds(1999));
        var justBefore = target.Sends;
        time.Advance(TimeSpan.FromMilliseconds(1));
        await run.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        justBefore.Should().Be(5);
        target.Sends.Should().Be(7);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_DelayAndPause_AddUpAfterTheFifthRecord()
    {
        var sut = CreateSut(FlushPolicy.AtEnd, new Pacing(TimeSpan.FromMilliseconds(250), new PauseRule(5, TimeSpan.FromSeconds(2))));

        var run = sut.RunAsync(Records(6), TestContext.Current.CancellationToken);
        for (var i = 1; i <= 4; i++)
        {
            await target.WaitForSendsAsync(i);
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        await target.WaitForSendsAsync(5);
        time.Advance(TimeSpan.FromMilliseconds(2249));
        var justBefore = target.Sends;
        time.Advance(TimeSpan.FromMilliseconds(1));
        await target.WaitForSendsAsync(6);
        time.Advance(TimeSpan.FromMilliseconds(250));
        await run.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        justBefore.Should().Be(5);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_EveryN15_FlushesAfter15_30_45AndNotAgainAtTheEnd()
    {
        var sut = CreateSut(FlushPolicy.EveryN(15), new Pacing(TimeSpan.Zero, null));

        await sut.RunAsync(Records(45), TestContext.Current.CancellationToken);

        target.FlushedAfter.Should().Equal(15, 30, 45);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_EveryN15With50Records_FlushesTheRestAtTheEnd()
    {
        var sut = CreateSut(FlushPolicy.EveryN(15), new Pacing(TimeSpan.Zero, null));

        await sut.RunAsync(Records(50).ToAsyncEnumerable(), TestContext.Current.CancellationToken);

        target.FlushedAfter.Should().Equal(15, 30, 45, 50);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_AfterDelayWithPacing_FlushesByTheInjectedClock()
    {
        var sut = CreateSut(FlushPolicy.AfterDelay(TimeSpan.FromSeconds(1)), new Pacing(TimeSpan.FromMilliseconds(500), null));

        var run = sut.RunAsync(Records(4), TestContext.Current.CancellationToken);
        for (var i = 1; i <= 4; i++)
        {
            await target.WaitForSendsAsync(i);
            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        await run.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        // Sends at 0, 500, 1000, 1500 ms: the third is 1 s after the start; the fourth only 0.5 s after that flush.
        target.FlushedAfter.Should().Equal(3, 4);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_Never_DoesNotFlushEvenAtTheEnd()
    {
        var sut = CreateSut(FlushPolicy.Never, new Pacing(TimeSpan.Zero, null));

        await sut.RunAsync(Records(40), TestContext.Current.CancellationToken);

        target.Sends.Should().Be(40);
        target.FlushedAfter.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_NullItem_SaysWhere()
    {
        var sut = CreateSut(FlushPolicy.AtEnd, new Pacing(TimeSpan.Zero, null));

        var act = () => sut.RunAsync([new BreadcrumbRecord(), null!], TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("The records to produce contain null at position 1*");
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_CanceledDuringAPause_StopsWithoutSendingMore()
    {
        using var cts = new CancellationTokenSource();
        var sut = CreateSut(FlushPolicy.AtEnd, new Pacing(TimeSpan.FromSeconds(1), null));

        var run = sut.RunAsync(Records(3), cts.Token);
        await target.WaitForSendsAsync(1);
        await cts.CancelAsync();

        var act = () => run;

        await act.Should().ThrowAsync<OperationCanceledException>();
        target.Sends.Should().Be(1);
    }

    private static List<BreadcrumbRecord> Records(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new BreadcrumbRecord { ActTime = i.ToString(System.Globalization.CultureInfo.InvariantCulture) })];

    private ProduceLoop CreateSut(FlushPolicy policy, Pacing pacing) => new(target, policy, pacing, time);

    private sealed class RecordingTarget : IProduceTarget
    {
        private readonly Lock gate = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];
        private int sends;

        public int Sends => Volatile.Read(ref sends);

        public List<int> FlushedAfter { get; } = [];

        public ValueTask SendAsync(BreadcrumbRecord record, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                sends++;
                foreach (var waiter in waiters.Where(w => w.Count <= sends))
                {
                    waiter.Reached.TrySetResult();
                }
            }

            return ValueTask.CompletedTask;
        }

        public Task FlushAsync(CancellationToken cancellationToken)
        {
            FlushedAfter.Add(Sends);
            return Task.CompletedTask;
        }

        public Task WaitForSendsAsync(int count)
        {
            lock (gate)
            {
                if (sends >= count)
                {
                    return Task.CompletedTask;
                }

                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiters.Add((count, reached));
                return reached.Task.WaitAsync(Deadline);
            }
        }
    }
}

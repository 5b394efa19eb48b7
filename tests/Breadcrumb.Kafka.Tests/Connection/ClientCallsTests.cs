using Breadcrumb.Kafka.Connection;

namespace Breadcrumb.Kafka.Tests.Connection;

/// <summary>The gate that keeps a librdkafka client alive while any call is inside it.</summary>
public sealed class ClientCallsTests
{
    [Fact]
    public async Task CloseAsync_NoCallInFlight_CompletesAtOnce_AndRefusesNewCalls()
    {
        using var sut = new ClientCalls("KafkaConsumer 'c1'");

        await sut.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        sut.TryEnter(out _).Should().BeFalse();
        var enter = () => sut.Enter();
        enter.Should().Throw<ObjectDisposedException>().Which.ObjectName.Should().Be("KafkaConsumer 'c1'");
        sut.Closing.IsCancellationRequested.Should().BeTrue();
    }

    [Fact]
    public async Task CloseAsync_CallInFlight_CompletesOnlyWhenThatCallEnds()
    {
        using var sut = new ClientCalls("p");
        var call = sut.Enter();

        var closed = sut.CloseAsync();

        sut.Closing.IsCancellationRequested.Should().BeTrue("long calls watch the token and return early");
        closed.IsCompleted.Should().BeFalse("a call is still inside the client");
        call.Dispose();
        await closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        sut.Active.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_CallerStopsWaiting_CloseStillWaitsForTheRunningCall()
    {
        using var sut = new ClientCalls("p");
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        using var stopWaiting = new CancellationTokenSource();

        var running = sut.RunAsync(
            () =>
            {
                started.Set();
                release.Wait(TestContext.Current.CancellationToken);
            },
            stopWaiting.Token);
        started.Wait(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken).Should().BeTrue();
        await stopWaiting.CancelAsync();

        await FluentActions.Awaiting(() => running).Should().ThrowAsync<OperationCanceledException>();
        var closed = sut.CloseAsync();
        closed.IsCompleted.Should().BeFalse("the blocking call is still inside the client though nobody waits for it");
        release.Set();
        await closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RunAsync_TokenAlreadyCancelled_NeitherRunsNorHoldsACall()
    {
        using var sut = new ClientCalls("p");
        var ran = false;

        var task = sut.RunAsync(() => ran = true, new CancellationToken(canceled: true));

        task.IsCanceled.Should().BeTrue();
        ran.Should().BeFalse();
        await sut.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task CloseAsync_WhileThreadsKeepEntering_NoCallIsInsideOnceItCompletes()
    {
        using var sut = new ClientCalls("p");
        var closeCompleted = 0;
        var insideAfterClose = 0;
        var entered = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(
            () =>
            {
                while (sut.TryEnter(out var call))
                {
                    using (call)
                    {
                        Interlocked.Increment(ref entered);
                        if (Volatile.Read(ref closeCompleted) != 0)
                        {
                            Interlocked.Increment(ref insideAfterClose);
                        }

                        Thread.SpinWait(50);
                    }
                }
            },
            TestContext.Current.CancellationToken)).ToList();
        await WaitUntilAsync(() => Volatile.Read(ref entered) > 10_000);

        await sut.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Volatile.Write(ref closeCompleted, 1);
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        insideAfterClose.Should().Be(0);
        sut.Active.Should().Be(0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition should hold within 10 s");
            await Task.Yield();
        }
    }
}

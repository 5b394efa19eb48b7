using System.Diagnostics;

namespace Breadcrumb.Kafka.Samples.Tests.Support;

public sealed class ThreadClockTests
{
    [Fact(Timeout = 30_000)]
    public async Task StartOf_TwoConsumerLikeThreads_PlacesEachOnTheSharedTimeline()
    {
        var sut = new ThreadClock();

        // Like a consumer: read the clock at the start of its thread, work, then measure its elapsed time on the same thread.
        (long Start, TimeSpan Elapsed) Run(int spinMs)
        {
            var start = sut.GetTimestamp();
            var spin = Stopwatch.StartNew();
            while (spin.ElapsedMilliseconds < spinMs)
            {
                Thread.SpinWait(100);
            }

            return (start, sut.GetElapsedTime(start));
        }

        var first = await Task.Factory.StartNew(() => Run(20), TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var second = await Task.Factory.StartNew(() => Run(40), TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        sut.StartOf(first.Elapsed).Should().Be(sut.GetElapsedTime(sut.Origin, first.Start).TotalSeconds);
        sut.StartOf(second.Elapsed).Should().Be(sut.GetElapsedTime(sut.Origin, second.Start).TotalSeconds)
            .And.BeGreaterThan(sut.StartOf(first.Elapsed)!.Value, "the second thread started after the first ended");
        sut.StartOf(TimeSpan.FromDays(1)).Should().BeNull();
    }
}

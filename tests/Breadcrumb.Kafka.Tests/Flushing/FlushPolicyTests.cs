using Breadcrumb.Kafka.Flushing;
using Microsoft.Extensions.Time.Testing;

namespace Breadcrumb.Kafka.Tests.Flushing;

public sealed class FlushPolicyTests
{
    private readonly FakeTimeProvider time = new();

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(15, 14, false)]
    [InlineData(15, 15, true)]
    [InlineData(15, 16, true)]
    public void EveryN_Boundaries_FlushFromTheNthRecord(int n, int sentSinceLastFlush, bool expected)
    {
        var sut = FlushPolicy.EveryN(n);

        sut.ShouldFlush(new FlushState(sentSinceLastFlush, TimeSpan.Zero)).Should().Be(expected);
    }

    [Fact]
    public void EveryN_OverARun_FlushesAfterEvery15thRecord()
    {
        var flushedAfter = Simulate(FlushPolicy.EveryN(15), records: 45, advancePerRecord: TimeSpan.FromMilliseconds(10));

        flushedAfter.Should().Equal(15, 30, 45);
    }

    [Fact]
    public void AfterDelay_JustBeforeTheDelay_DoesNotFlush()
    {
        var sut = FlushPolicy.AfterDelay(TimeSpan.FromSeconds(2));
        var clock = new FlushClock(time);

        time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));

        sut.ShouldFlush(clock.RecordSent()).Should().BeFalse();
    }

    [Fact]
    public void AfterDelay_ExactlyAtTheDelay_Flushes()
    {
        var sut = FlushPolicy.AfterDelay(TimeSpan.FromSeconds(2));
        var clock = new FlushClock(time);

        time.Advance(TimeSpan.FromSeconds(2));

        sut.ShouldFlush(clock.RecordSent()).Should().BeTrue();
    }

    [Fact]
    public void AfterDelay_AfterAFlush_MeasuresFromThatFlush()
    {
        var sut = FlushPolicy.AfterDelay(TimeSpan.FromSeconds(2));
        var clock = new FlushClock(time);
        time.Advance(TimeSpan.FromSeconds(3));
        clock.RecordSent();
        clock.RecordFlushed();

        time.Advance(TimeSpan.FromSeconds(1));
        var oneSecondLater = sut.ShouldFlush(clock.RecordSent());
        time.Advance(TimeSpan.FromSeconds(1));
        var twoSecondsLater = sut.ShouldFlush(clock.RecordSent());

        oneSecondLater.Should().BeFalse();
        twoSecondsLater.Should().BeTrue();
    }

    [Fact]
    public void AfterDelay_OverARun_FlushesEachTimeTheDelayHasPassed()
    {
        var flushedAfter = Simulate(FlushPolicy.AfterDelay(TimeSpan.FromSeconds(1)), records: 10, advancePerRecord: TimeSpan.FromMilliseconds(250));

        flushedAfter.Should().Equal(4, 8);
    }

    [Fact]
    public void Never_NeverFlushesAndNotAtTheEnd()
    {
        var sut = FlushPolicy.Never;

        Simulate(sut, records: 100, advancePerRecord: TimeSpan.FromMinutes(1)).Should().BeEmpty();
        sut.FlushesAtEnd.Should().BeFalse();
    }

    [Fact]
    public void AtEnd_NeverFlushesDuringTheRunButAtTheEnd()
    {
        var sut = FlushPolicy.AtEnd;

        Simulate(sut, records: 100, advancePerRecord: TimeSpan.FromMinutes(1)).Should().BeEmpty();
        sut.FlushesAtEnd.Should().BeTrue();
    }

    [Fact]
    public void AnyOf_EveryNOrAfterDelay_FlushesOnWhicheverComesFirst()
    {
        var sut = FlushPolicy.AnyOf(FlushPolicy.EveryN(5), FlushPolicy.AfterDelay(TimeSpan.FromSeconds(1)));

        sut.ShouldFlush(new FlushState(5, TimeSpan.Zero)).Should().BeTrue();
        sut.ShouldFlush(new FlushState(2, TimeSpan.FromSeconds(1))).Should().BeTrue();
        sut.ShouldFlush(new FlushState(4, TimeSpan.FromMilliseconds(999))).Should().BeFalse();
    }

    [Fact]
    public void Or_OverARun_MatchesAnyOf()
    {
        var or = FlushPolicy.EveryN(15).Or(FlushPolicy.AfterDelay(TimeSpan.FromSeconds(1)));
        var anyOf = FlushPolicy.AnyOf(FlushPolicy.EveryN(15), FlushPolicy.AfterDelay(TimeSpan.FromSeconds(1)));

        var orFlushes = Simulate(or, records: 60, advancePerRecord: TimeSpan.FromMilliseconds(100));
        var anyOfFlushes = Simulate(anyOf, records: 60, advancePerRecord: TimeSpan.FromMilliseconds(100));

        orFlushes.Should().Equal(10, 20, 30, 40, 50, 60);
        anyOfFlushes.Should().Equal(orFlushes);
    }

    [Fact]
    public void AnyOf_FlushesAtEndUnlessEveryPartIsNever()
    {
        FlushPolicy.AnyOf(FlushPolicy.Never, FlushPolicy.Never).FlushesAtEnd.Should().BeFalse();
        FlushPolicy.Never.Or(FlushPolicy.EveryN(3)).FlushesAtEnd.Should().BeTrue();
    }

    [Fact]
    public void EveryN_Zero_NamesTheArgumentAndTheFix()
    {
        var act = () => FlushPolicy.EveryN(0);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("FlushPolicy.EveryN(n): n must be at least 1 (was 0); use FlushPolicy.AtEnd to flush only at the end.*");
    }

    [Fact]
    public void AfterDelay_Zero_NamesTheAllowedRange()
    {
        var act = () => FlushPolicy.AfterDelay(TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("FlushPolicy.AfterDelay(delay): delay must be more than zero and at most 1 day (was 00:00:00).*");
    }

    [Fact]
    public void AnyOf_Empty_Throws()
    {
        var act = () => FlushPolicy.AnyOf();

        act.Should().Throw<ArgumentException>().WithMessage("FlushPolicy.AnyOf(policies): give at least one policy.*");
    }

    [Fact]
    public void ToString_DescribesTheComposition()
    {
        var sut = FlushPolicy.EveryN(15).Or(FlushPolicy.AfterDelay(TimeSpan.FromSeconds(2)));

        sut.ToString().Should().Be("AnyOf(EveryN(15), AfterDelay(00:00:02))");
    }

    /// <summary>Drives a policy as a run does: send, ask, flush when told; time moves by a fixed step per record.</summary>
    private List<int> Simulate(FlushPolicy policy, int records, TimeSpan advancePerRecord)
    {
        var clock = new FlushClock(time);
        var flushedAfter = new List<int>();
        for (var i = 1; i <= records; i++)
        {
            time.Advance(advancePerRecord);
            if (policy.ShouldFlush(clock.RecordSent()))
            {
                flushedAfter.Add(i);
                clock.RecordFlushed();
            }
        }

        return flushedAfter;
    }
}

using Breadcrumb.Kafka.Lab;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Tests;

/// <summary>Issue 20: Kafka's defaults in the options; the lab's only through the opt-in preset, and only where unset.</summary>
public sealed class LabPresetTests
{
    [Fact]
    public void ConsumerOptions_Defaults_AreKafkas()
    {
        var sut = new KeyFilteredConsumerOptions();

        sut.AutoOffsetReset.Should().Be(AutoOffsetReset.Latest);
        sut.IdleTimeout.Should().Be(Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public void Apply_ConsumerOptions_EarliestAndTenSecondIdleStop()
    {
        var sut = LabPreset.Apply(new KeyFilteredConsumerOptions());

        sut.AutoOffsetReset.Should().Be(AutoOffsetReset.Earliest);
        sut.IdleTimeout.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Apply_ConsumerOptionsSetByTheCaller_KeepsTheirValues()
    {
        var sut = LabPreset.Apply(new KeyFilteredConsumerOptions { AutoOffsetReset = AutoOffsetReset.Latest, IdleTimeout = TimeSpan.FromSeconds(3) });

        sut.AutoOffsetReset.Should().Be(AutoOffsetReset.Latest);
        sut.IdleTimeout.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void TransactionalOptions_DefaultsThenPreset_NoWaitThenTheLabsBatchOfFourAndTwoSeconds()
    {
        var sut = new TransactionalBatchOptions();
        (sut.BatchSize, sut.DecisionDelay).Should().Be((100, TimeSpan.Zero));

        LabPreset.Apply(sut);

        (sut.BatchSize, sut.DecisionDelay).Should().Be((4, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void ProducerOptions_DefaultsThenPreset_LingerUnsetThenZero()
    {
        var sut = new BreadcrumbProducerOptions();
        sut.Linger.Should().BeNull();

        LabPreset.Apply(sut).Linger.Should().Be(TimeSpan.Zero);
    }
}

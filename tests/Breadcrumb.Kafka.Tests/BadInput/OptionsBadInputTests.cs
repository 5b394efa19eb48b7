using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.BadInput;

/// <summary>Issue 9: invalid options fail up front, and the message names the option, the bad value and the allowed range.</summary>
public sealed class OptionsBadInputTests
{
    private static readonly KafkaConnection Connection = KafkaConnection.FromBootstrapServers("localhost:1");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void FlushPolicyEveryN_NotPositive_SaysNMustBeAtLeastOne(int n)
    {
        var act = () => FlushPolicy.EveryN(n);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage($"FlushPolicy.EveryN(n): n must be at least 1 (was {n}); use FlushPolicy.AtEnd to flush only at the end.*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-250)]
    public void FlushPolicyAfterDelay_ZeroOrNegative_SaysDelayMustBePositive(int milliseconds)
    {
        var act = () => FlushPolicy.AfterDelay(TimeSpan.FromMilliseconds(milliseconds));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("FlushPolicy.AfterDelay(delay): delay must be more than zero and at most 1 day (was *");
    }

    [Fact]
    public void RecordFilterKeys_EmptySet_SaysAtLeastOneKey()
    {
        var act = () => RecordFilter.Keys([]);

        act.Should().Throw<ArgumentException>().WithMessage("RecordFilter.Keys needs at least one key (was an empty set).*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void TransactionalBatchProducer_BatchSizeNotPositive_NamesOptionAndRange(int batchSize)
    {
        var options = LabPreset.Apply(new TransactionalBatchOptions { TransactionalId = "tx-1", BatchSize = batchSize });
        options.Topics.Add("breadcrumbs");

        var act = () => new TransactionalBatchProducer(Connection, options);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage($"TransactionalBatchOptions.BatchSize must be between 1 and 100,000 (was {batchSize}).*");
    }

    [Fact]
    public void BreadcrumbProducer_NegativePacing_NamesOptionAndRange()
    {
        var act = () => new BreadcrumbProducer(Connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "t", DelayAfterEachSend = TimeSpan.FromMilliseconds(-250) }));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("BreadcrumbProducerOptions.DelayAfterEachSend must be from zero to 1 hour (was -00:00:00.2500000).*");
    }

    [Theory]
    [InlineData(0, 1_000, "BreadcrumbProducerOptions.Pause.Every must be at least 1 (was 0).*")]
    [InlineData(5, 0, "BreadcrumbProducerOptions.Pause.Duration must be more than zero and at most 1 hour (was 00:00:00).*")]
    public void BreadcrumbProducer_BadPauseRule_NamesTheRulePart(int every, int milliseconds, string message)
    {
        var act = () => new BreadcrumbProducer(Connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "t", Pause = new PauseRule(every, TimeSpan.FromMilliseconds(milliseconds)) }));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage(message);
    }

    [Fact]
    public void ExplicitPartitionFixed_Negative_NamesThePartition()
    {
        var act = () => ExplicitPartition.Fixed(-1);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("partition");
    }

    [Fact]
    public async Task BreadcrumbProducer_KeyThatIsNoPartition_FailsBeforeAnythingIsSent()
    {
        await using var sut = new BreadcrumbProducer(Connection, LabPreset.Apply(new BreadcrumbProducerOptions
        {
            Topic = "t",
            KeyStrategy = KeyStrategy.Constant("north"),
            Partition = ExplicitPartition.FromKey,
            FlushPolicy = FlushPolicy.Never,
        }));

        var act = () => sut.Send(new BreadcrumbRecord());

        act.Should().Throw<ArgumentException>().WithMessage("ExplicitPartition.FromKey needs keys that are whole numbers from 0 up (got 'north')*");
        sut.GetSummary().Sent.Should().Be(0, "a record that cannot be placed is never handed to the client");
    }

    [Fact]
    public void KeyFilteredConsumer_NegativePartition_ListsThePartitions()
    {
        var act = () => new KeyFilteredConsumer(Connection, LabPreset.Apply(new KeyFilteredConsumerOptions { Topic = "t", GroupId = "g", Partitions = [0, -1] }));

        act.Should().Throw<ArgumentException>().WithMessage("KeyFilteredConsumerOptions.Partitions must list distinct partition numbers from 0 (was [0, -1])*");
    }

    [Theory]
    [InlineData(0L, "KeyFilteredConsumerOptions.MaxRecords must be at least 1 (was 0); use null for no limit.*")]
    [InlineData(-3L, "KeyFilteredConsumerOptions.MaxRecords must be at least 1 (was -3); use null for no limit.*")]
    public void KeyFilteredConsumer_MaxRecordsNotPositive_SaysUseNull(long max, string message)
    {
        var act = () => new KeyFilteredConsumer(Connection, LabPreset.Apply(new KeyFilteredConsumerOptions { Topic = "t", GroupId = "g", MaxRecords = max }));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage(message);
    }

    [Fact]
    public void KeyFilteredConsumer_ZeroIdleTimeout_SaysTheMinimum()
    {
        var act = () => new KeyFilteredConsumer(Connection, LabPreset.Apply(new KeyFilteredConsumerOptions { Topic = "t", GroupId = "g", IdleTimeout = TimeSpan.Zero }));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("KeyFilteredConsumerOptions.IdleTimeout must be at least 100 ms or Timeout.InfiniteTimeSpan (was 0 ms).*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void ConsumerGroupRunner_ConsumerCountOutOfRange_SaysTheRange(int count)
    {
        var act = () => new ConsumerGroupRunner(Connection, LabPreset.Apply(new KeyFilteredConsumerOptions { Topic = "t", GroupId = "g" }), count);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage($"consumerCount must be between 1 and 64 (was {count}).*");
    }

    [Fact]
    public void KeyStrategyRandomNumber_MaxBelowMin_SaysSo()
    {
        var act = () => KeyStrategy.RandomNumber(5, 1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("KeyStrategy.RandomNumber: maxInclusive must be at least minInclusive 5 (was 1).*");
    }
}

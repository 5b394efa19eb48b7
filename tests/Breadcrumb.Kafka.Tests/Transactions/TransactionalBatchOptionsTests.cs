using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.Transactions;

public sealed class TransactionalBatchOptionsTests
{
    [Fact]
    public void Defaults_AreTheLibrarys_Issue20()
    {
        var sut = new TransactionalBatchOptions();

        sut.BatchSize.Should().Be(100);
        sut.DecisionDelay.Should().Be(TimeSpan.Zero);
        sut.Decision.Should().BeSameAs(TransactionDecision.AlwaysCommit);
        sut.TimeProvider.Should().BeSameAs(TimeProvider.System);
        sut.TransactionTimeout.Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Validate_EmptyTransactionalId_SaysWhatToGive()
    {
        var sut = CreateSut(o => o.TransactionalId = " ");

        sut.Invoking(s => s.ValidateAndResolveSplit()).Should().Throw<ArgumentException>()
            .WithMessage("TransactionalBatchOptions.TransactionalId is empty: give the producer a stable transactional id, e.g. 'breadcrumb-tx-1'.*");
    }

    [Fact]
    public void Validate_NoTopics_SaysAddOne()
    {
        var sut = LabPreset.Apply(new TransactionalBatchOptions { TransactionalId = "tx" });

        sut.Invoking(s => s.ValidateAndResolveSplit()).Should().Throw<ArgumentException>()
            .WithMessage("TransactionalBatchOptions.Topics is empty: add the topic (or topics) each batch is written to.*");
    }

    [Fact]
    public void Validate_BadTopicName_NamesOptionAndCharacter()
    {
        var sut = CreateSut(o => o.Topics.Add("bad topic"));

        sut.Invoking(s => s.ValidateAndResolveSplit()).Should().Throw<ArgumentException>()
            .WithMessage("TransactionalBatchOptions.Topics 'bad topic' contains ' '*");
    }

    [Fact]
    public void Validate_RecordsPerTopicWrongSum_SaysTheRule()
    {
        var sut = CreateSut(o =>
        {
            o.Topics.Add("t2");
            o.RecordsPerTopic.Add(3);
            o.RecordsPerTopic.Add(2);
        });

        sut.Invoking(s => s.ValidateAndResolveSplit()).Should().Throw<ArgumentException>()
            .WithMessage("TransactionalBatchOptions.RecordsPerTopic must give one count of at least 1 per topic (2 topics) summing to TransactionalBatchOptions.BatchSize (4) (was { 3, 2 }); leave it empty to split evenly.*");
    }

    [Fact]
    public void Validate_TransactionTimeoutNotAboveDelay_SaysTheRange()
    {
        var sut = CreateSut(o => o.TransactionTimeout = TimeSpan.FromSeconds(2));

        sut.Invoking(s => s.ValidateAndResolveSplit()).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("TransactionalBatchOptions.TransactionTimeout must be longer than TransactionalBatchOptions.DecisionDelay (00:00:02) and at most 15 minutes (was 00:00:02).*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void Validate_BatchSizeOutOfRange_SaysTheRange(int size)
    {
        var sut = CreateSut(o => o.BatchSize = size);

        sut.Invoking(s => s.ValidateAndResolveSplit()).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage($"TransactionalBatchOptions.BatchSize must be between 1 and 100,000 (was {size}).*");
    }

    [Fact]
    public void Split_Empty_SplitsEvenlyFirstTopicsTakeRemainder()
    {
        var sut = CreateSut(o =>
        {
            o.Topics.Add("t2");
            o.Topics.Add("t3");
        });

        sut.ValidateAndResolveSplit().Should().Equal(2, 1, 1);
    }

    [Fact]
    public void Split_Given_IsUsed()
    {
        var sut = CreateSut(o =>
        {
            o.Topics.Add("t2");
            o.RecordsPerTopic.Add(1);
            o.RecordsPerTopic.Add(3);
        });

        sut.ValidateAndResolveSplit().Should().Equal(1, 3);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsBeforeCreatingAClient()
    {
        var act = () => new TransactionalBatchProducer(KafkaConnection.FromBootstrapServers("localhost:9092"), LabPreset.Apply(new TransactionalBatchOptions()));

        act.Should().Throw<ArgumentException>().WithMessage("TransactionalBatchOptions.TransactionalId is empty*");
    }

    private static TransactionalBatchOptions CreateSut(Action<TransactionalBatchOptions> configure)
    {
        var options = LabPreset.Apply(new TransactionalBatchOptions { TransactionalId = "tx", Topics = { "t1" } });
        configure(options);
        return options;
    }
}

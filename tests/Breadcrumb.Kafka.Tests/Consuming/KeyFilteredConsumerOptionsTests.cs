using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.Consuming;

public sealed class KeyFilteredConsumerOptionsTests
{
    private static readonly KafkaConnection Connection = KafkaConnection.FromBootstrapServers("localhost:9092");

    private static KeyFilteredConsumerOptions Valid() => LabPreset.Apply(new KeyFilteredConsumerOptions() { Topic = "breadcrumbs", GroupId = "lab" });

    public static TheoryData<string, Action<KeyFilteredConsumerOptions>, string> InvalidOptions() => new()
    {
        { "no topic", o => o.Topic = null, "KeyFilteredConsumerOptions.Topic is not set*" },
        { "bad topic", o => o.Topic = "bad topic", "KeyFilteredConsumerOptions.Topics 'bad topic' contains ' '*" },
        { "no group", o => o.GroupId = " ", "KeyFilteredConsumerOptions.GroupId is not set*" },
        { "empty partitions", o => o.Partitions = [], "KeyFilteredConsumerOptions.Partitions must list distinct partition numbers from 0 (was [])*" },
        { "negative partition", o => o.Partitions = [1, -1], "*(was [1, -1])*" },
        { "duplicate partition", o => o.Partitions = [2, 2], "*(was [2, 2])*" },
        { "zero max", o => o.MaxRecords = 0, "KeyFilteredConsumerOptions.MaxRecords must be at least 1 (was 0)*" },
        { "short idle", o => o.IdleTimeout = TimeSpan.FromMilliseconds(50), "KeyFilteredConsumerOptions.IdleTimeout must be at least 100 ms or Timeout.InfiniteTimeSpan (was 50 ms)*" },
        { "no name", o => o.Name = "", "KeyFilteredConsumerOptions.Name is empty*" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOptions_ThrowsNamingTheOption(string because, Action<KeyFilteredConsumerOptions> breakIt, string message)
    {
        var options = Valid();
        breakIt(options);

        var act = () => new KeyFilteredConsumer(Connection, options);

        act.Should().Throw<ArgumentException>(because).WithMessage(message);
    }

    [Fact]
    public void Defaults_MatchTheDocumentedValues()
    {
        var sut = new KeyFilteredConsumerOptions();

        sut.Filter.Should().BeSameAs(RecordFilter.Any);
        sut.IdleTimeout.Should().Be(Timeout.InfiniteTimeSpan);
        sut.AutoOffsetReset.Should().Be(Confluent.Kafka.AutoOffsetReset.Latest);
        sut.IsolationLevel.Should().Be(Confluent.Kafka.IsolationLevel.ReadCommitted);
        sut.CommitOffsets.Should().BeTrue();
        sut.StopAtEndOfPartitions.Should().BeFalse();
        sut.Name.Should().Be("consumer0");
    }

    [Fact]
    public void Constructor_InfiniteIdleTimeout_IsAllowed()
    {
        var options = Valid();
        options.IdleTimeout = Timeout.InfiniteTimeSpan;

        var act = () => new KeyFilteredConsumer(Connection, options);

        act.Should().NotThrow();
    }

    [Fact]
    public async Task Constructor_TakesASnapshot_LaterChangesDoNotApply()
    {
        var options = Valid();
        await using var sut = new KeyFilteredConsumer(Connection, options);

        options.Name = "changed";

        sut.Name.Should().Be("consumer0");
    }

    [Fact]
    public void Clone_SeveralTopics_KeepsTheCallersTopicsAndCopiesThem()
    {
        var sut = LabPreset.Apply(new KeyFilteredConsumerOptions { GroupId = "g", Topics = { "first", "second" } });

        var copy = sut.Clone("consumer1");

        sut.Topics.Should().Equal("first", "second");
        copy.Topics.Should().Equal("first", "second");
        copy.Topics.Should().NotBeSameAs(sut.Topics);
    }
}

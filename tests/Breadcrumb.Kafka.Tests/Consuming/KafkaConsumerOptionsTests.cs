namespace Breadcrumb.Kafka.Tests.Consuming;

public sealed class KafkaConsumerOptionsTests
{
    private static readonly KafkaConnection Connection = KafkaConnection.FromBootstrapServers("localhost:9092");

    [Fact]
    public void Create_Empty_ListsEveryMissingSettingWithHowToFix()
    {
        var act = () => new KafkaConsumer<string, BreadcrumbRecord>(Connection, new KafkaConsumerOptions<string, BreadcrumbRecord>());

        var message = act.Should().Throw<ArgumentException>().Which.Message;
        message.Should().Contain("KafkaConsumerOptions.Topics is empty: add the topic(s) to consume")
            .And.Contain("KafkaConsumerOptions.GroupId is missing: set a consumer group id")
            .And.Contain("KafkaConsumerOptions.ValueDeserializer is not set and BreadcrumbRecord has no built-in serde");
    }

    [Theory]
    [InlineData(0, "KafkaConsumerOptions.MaxBatchSize must be from 1 to 100,000 (was 0).")]
    [InlineData(100_001, "KafkaConsumerOptions.MaxBatchSize must be from 1 to 100,000 (was 100001).")]
    public void Validate_BatchSizeOutOfRange_NamesOptionRangeAndValue(int size, string expected)
    {
        var sut = Valid();
        sut.MaxBatchSize = size;

        ConsumerSetup<string, string>.Validate(sut).Should().Equal(expected);
    }

    [Fact]
    public void Validate_DeadLetterTopicIsAnInputTopic_SaysWhyAndSuggestsAName()
    {
        var sut = Valid();
        sut.DeadLetterTopic = "orders";

        ConsumerSetup<string, string>.Validate(sut).Should().ContainSingle().Which.Should().Contain("a failing record would come back forever").And.Contain("\"orders.dlq\"");
    }

    [Fact]
    public void Validate_NegativeRetries_NamesRange()
    {
        var sut = Valid();
        sut.RetryCount = -1;

        ConsumerSetup<string, string>.Validate(sut).Should().Equal("KafkaConsumerOptions.RetryCount must be from 0 to 100 (was -1).");
    }

    [Fact]
    public void Defaults_AreKafkas()
    {
        var sut = new KafkaConsumerOptions<string, string>();

        sut.AutoOffsetReset.Should().Be(Confluent.Kafka.AutoOffsetReset.Latest);
        sut.DeadLetterTopic.Should().BeNull();
    }

    private static KafkaConsumerOptions<string, string> Valid()
    {
        var options = new KafkaConsumerOptions<string, string> { GroupId = "g" };
        options.Topics.Add("orders");
        return options;
    }
}

using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.Tests.BadInput;

/// <summary>Issue 9: every public entry point that takes a topic rejects a name Kafka would reject, naming it and the rule.</summary>
public sealed class TopicNameBadInputTests
{
    private static readonly KafkaConnection Connection = KafkaConnection.FromBootstrapServers("localhost:1");

    /// <summary>A name Kafka rejects, and the words the message must contain.</summary>
    public static TheoryData<string, string> BadNames => new()
    {
        { string.Empty, "is empty: a Kafka topic needs a name" },
        { "bread crumbs", "'bread crumbs' contains ' '; Kafka topic names may only contain ASCII letters, digits, '.', '_' and '-'" },
        { "lab/section-a", "'lab/section-a' contains '/'" },
        { "brötchen", "'brötchen' contains 'ö'" },
        { "..", "'..' is not allowed by Kafka" },
        { new string('t', 250), "is 250 characters long; Kafka allows at most 249" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public void BreadcrumbProducer_BadTopic_NamesOptionAndRule(string topic, string problem)
    {
        var act = () => new BreadcrumbProducer(Connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = topic }));

        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("BreadcrumbProducerOptions.Topic").And.Contain(problem);
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public void KeyFilteredConsumer_BadTopic_NamesOptionAndRule(string topic, string problem)
    {
        var act = () => new KeyFilteredConsumer(Connection, LabPreset.Apply(new KeyFilteredConsumerOptions { Topic = topic, GroupId = "g" }));

        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("KeyFilteredConsumerOptions.Topic").And.Contain(problem);
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public void KeyFilteredConsumer_BadSecondTopic_NamesOptionAndRule(string topic, string problem)
    {
        var options = LabPreset.Apply(new KeyFilteredConsumerOptions { Topic = "breadcrumbs", GroupId = "g" });
        options.Topics.Add(topic);

        var act = () => new KeyFilteredConsumer(Connection, options);

        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("KeyFilteredConsumerOptions.Topics").And.Contain(problem);
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public void ConsumerGroupRunner_BadTopic_NamesOptionAndRule(string topic, string problem)
    {
        var act = () => new ConsumerGroupRunner(Connection, LabPreset.Apply(new KeyFilteredConsumerOptions { Topic = topic, GroupId = "g" }), 2);

        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("KeyFilteredConsumerOptions.Topic").And.Contain(problem);
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public void TransactionalBatchProducer_BadTopic_NamesOptionAndRule(string topic, string problem)
    {
        var options = LabPreset.Apply(new TransactionalBatchOptions { TransactionalId = "tx-1" });
        options.Topics.Add("breadcrumbs");
        options.Topics.Add(topic);

        var act = () => new TransactionalBatchProducer(Connection, options);

        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("TransactionalBatchOptions.Topics").And.Contain(problem);
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task Probes_BadTopic_RejectedBeforeConnecting(string topic, string problem)
    {
        var readCommitted = () => ReadCommittedProbe.RunAsync(Connection, topic, null, TestContext.Current.CancellationToken);
        var offsets = () => TransactionalOffsetsProbe.RunAsync(Connection, topic, null, TestContext.Current.CancellationToken);
        var fencing = () => TransactionalFencingProbe.RunAsync(Connection, topic, TestContext.Current.CancellationToken);

        (await readCommitted.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(problem);
        (await offsets.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(problem);
        (await fencing.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(problem);
    }
}

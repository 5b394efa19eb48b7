using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.Diagnostics;

// Test data: statistics captured from the embedded broker (librdkafka 2.16): 1000 records of ~281 B keyed "1"/"2" into
// 6 partitions (the keys land on partitions 1 and 5 only), then a consumer in group lab-group that read and committed 700.
public sealed class KafkaStatisticsParserTests
{
    private static string Data(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Diagnostics", "TestData", name));

    [Fact]
    public void Parse_ProducerStatistics_GivesTotalsAndPerPartitionFiguresWithoutTheInternalPartition()
    {
        var sut = KafkaStatisticsParser.Parse(Data("producer-statistics.json"));

        sut.ClientType.Should().Be("producer");
        sut.ClientId.Should().Be("producer0");
        sut.ClientName.Should().StartWith("producer0#producer-");
        sut.RecordsSent.Should().Be(1000);
        sut.BytesSent.Should().Be(281_000);
        sut.QueuedRecords.Should().Be(0);
        sut.GroupState.Should().BeNull();
        var topic = sut.Topics.Should().ContainSingle().Subject;
        topic.Topic.Should().Be("breadcrumbs");
        topic.Partitions.Select(p => p.Partition).Should().Equal(0, 1, 2, 3, 4, 5);
        topic.UnassignedQueuedRecords.Should().Be(0);
        topic.RecordsSent.Should().Be(1000);
        topic.Partitions[1].Should().BeEquivalentTo(new { RecordsSent = 507L, BytesSent = 142_467L, Leader = (int?)1, InFlightRecords = 0L });
        topic.Partitions[5].RecordsSent.Should().Be(493);
    }

    [Fact]
    public void Parse_PartitionWithNoData_HasZeroCountsAndUnknownOffsetsAsNull()
    {
        var sut = KafkaStatisticsParser.Parse(Data("producer-statistics.json")).Topics[0].Partitions[0];

        sut.RecordsSent.Should().Be(0);
        sut.BytesSent.Should().Be(0);
        sut.LowWatermark.Should().BeNull("a producer never queries watermarks (librdkafka writes -1001)");
        sut.HighWatermark.Should().BeNull();
        sut.ConsumerLag.Should().BeNull();
        sut.StoredBytes.Should().BeNull("librdkafka statistics never report stored bytes");
    }

    [Fact]
    public void Parse_ConsumerStatistics_GivesReceivedWatermarksCommittedAndLag()
    {
        var sut = KafkaStatisticsParser.Parse(Data("consumer-statistics.json"));

        sut.ClientType.Should().Be("consumer");
        sut.GroupState.Should().Be("up");
        sut.RecordsReceived.Should().Be(1000);
        sut.BytesReceived.Should().Be(281_000);
        var partitions = sut.Topics.Should().ContainSingle().Subject.Partitions;
        partitions[1].Should().BeEquivalentTo(new
        {
            RecordsReceived = 507L, BytesReceived = 142_467L, LowWatermark = (long?)0, HighWatermark = (long?)507, LastStableOffset = (long?)507,
            CommittedOffset = (long?)507, ConsumerLag = (long?)0,
        });
        partitions[5].Should().BeEquivalentTo(new { HighWatermark = (long?)493, CommittedOffset = (long?)193, ConsumerLag = (long?)300 });
        partitions[0].Should().BeEquivalentTo(new { RecordsReceived = 0L, HighWatermark = (long?)0, CommittedOffset = (long?)null, ConsumerLag = (long?)null });
        partitions.Sum(p => p.ConsumerLag ?? 0).Should().Be(300, "the group committed 700 of 1000");
    }

    [Fact]
    public void Parse_InternalPartitionWithQueuedRecords_CountsThemAsUnassigned()
    {
        const string Json = """
            {"name":"p#producer-1","client_id":"p","type":"producer","time":1700000000,"msg_cnt":3,
             "topics":{"t":{"topic":"t","partitions":{
               "-1":{"partition":-1,"leader":-1,"msgq_cnt":3,"xmit_msgq_cnt":0,"lo_offset":-1001,"hi_offset":-1001,"consumer_lag":-1},
               "0":{"partition":0,"leader":1,"msgq_cnt":0,"xmit_msgq_cnt":2,"msgs_inflight":1,"txmsgs":5}}}}}
            """;

        var sut = KafkaStatisticsParser.Parse(Json);

        sut.Time.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var topic = sut.Topics.Should().ContainSingle().Subject;
        topic.UnassignedQueuedRecords.Should().Be(3);
        topic.Partitions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Partition = 0, InFlightRecords = 3L, RecordsSent = 5L });
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"topics\":{}}")]
    public void Parse_NotStatistics_ThrowsSayingWhatToPass(string json)
    {
        var act = () => KafkaStatisticsParser.Parse(json);

        act.Should().Throw<ArgumentException>().WithMessage("KafkaStatisticsParser.Parse: *").WithParameterName(nameof(json));
    }
}

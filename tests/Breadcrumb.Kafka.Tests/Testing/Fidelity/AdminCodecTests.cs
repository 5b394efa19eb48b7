using Breadcrumb.Kafka.Testing.Fidelity;
using Breadcrumb.Kafka.Testing.Fidelity.Protocol;

namespace Breadcrumb.Kafka.Tests.Testing.Fidelity;

public sealed class AdminCodecTests
{
    [Fact]
    public void PatchController_FlexibleV12WithUnknownController_NamesBrokerOne()
    {
        var body = new Wire()
            .I8(0) // response header tagged fields: none
            .I32(0) // throttle_time_ms
            .I8(2) // brokers: compact array of 1
            .I32(1).I8(10).Raw("127.0.0.1"u8).I32(9092).I8(0).I8(0) // node 1, host, port, null rack, no tags
            .I8(5).Raw("mock"u8) // cluster id
            .I32(0) // controller id: the mock's 0
            .I8(1) // topics: empty compact array
            .ToArray();

        var patched = MetadataPatcher.PatchController(body, 12, controllerId: 1);

        patched.Should().BeTrue();
        body.AsSpan(body.Length - 5, 4).ToArray().Should().Equal(0, 0, 0, 1);
    }

    [Fact]
    public void PatchController_NonFlexibleV8WithKnownController_LeavesItAlone()
    {
        var body = new Wire().I32(0).I32(1).I32(1).Str("h").I32(9092).Str(null).Str("c").I32(1).I32(0).ToArray();
        var before = body.ToArray();

        MetadataPatcher.PatchController(body, 8, controllerId: 1).Should().BeFalse();

        body.Should().Equal(before);
    }

    [Fact]
    public void AddApis_V2_AppendsTheAdminApisAfterTheMocksOwn()
    {
        var body = new Wire().I16(0).I32(1).I16(0).I16(0).I16(8).I32(0).ToArray();

        var sut = ApiVersionsMessages.AddApis(body, 2, [new ApiVersionRange(19, 0, 4)]);

        sut!.WrittenMemory.ToArray().Should().Equal(new Wire().I16(0).I32(2).I16(0).I16(0).I16(8).I16(19).I16(0).I16(4).I32(0).ToArray());
    }

    [Fact]
    public void AnswerCreateTopicsV4_CallsTheMockAndReportsItsError()
    {
        var mock = new RecordingMock { CreateError = 36 };
        var request = new Wire()
            .I32(2)
            .Str("a").I32(6).I16(1).I32(0).I32(0)
            .Str("b").I32(-1).I16(1).I32(0).I32(1).Str("retention.ms").Str("1000")
            .I32(5000).I8(0)
            .ToArray();
        var reader = new KafkaReader(request);

        var response = AdminMessages.Answer(19, 4, ref reader, mock);

        mock.Calls.Should().Equal("create a 6", "create b 4");
        var expected = new Wire().I32(0).I32(2)
            .Str("a").I16(36).Str("Embedded Kafka could not create 'a' with 6 partitions (error 36).")
            .Str("b").I16(36).Str("Embedded Kafka could not create 'b' with 4 partitions (error 36).")
            .ToArray();
        response.WrittenMemory.ToArray().Should().Equal(expected);
    }

    [Fact]
    public void AnswerDeleteRecordsV1_ReturnsTheNewLowWatermark()
    {
        var mock = new RecordingMock();
        var request = new Wire().I32(1).Str("t").I32(1).I32(0).I64(6).I32(5000).ToArray();
        var reader = new KafkaReader(request);

        var response = AdminMessages.Answer(21, 1, ref reader, mock);

        mock.Calls.Should().Equal("delete-records t 0 6");
        response.WrittenMemory.ToArray().Should().Equal(new Wire().I32(0).I32(1).Str("t").I32(1).I32(0).I64(6).I16(0).ToArray());
    }

    private sealed class RecordingMock : IMockAdmin
    {
        public List<string> Calls { get; } = [];

        public short CreateError { get; init; }

        public short CreateTopic(string topic, int partitions)
        {
            Calls.Add($"create {topic} {partitions}");
            return CreateError;
        }

        public short DeleteTopic(string topic)
        {
            Calls.Add($"delete {topic}");
            return 0;
        }

        public short DeleteRecords(string topic, int partition, long beforeOffset)
        {
            Calls.Add($"delete-records {topic} {partition} {beforeOffset}");
            return 0;
        }
    }
}

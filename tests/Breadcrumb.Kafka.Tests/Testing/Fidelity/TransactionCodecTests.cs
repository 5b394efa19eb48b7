using Breadcrumb.Kafka.Testing.Fidelity.Protocol;

namespace Breadcrumb.Kafka.Tests.Testing.Fidelity;

public sealed class TransactionCodecTests
{
    [Fact]
    public void FlexiblePrimitives_VarintCompactStringArrayAndTags_ReadAsTheSpecDefines()
    {
        var bytes = new Wire()
            .UVar(150).CStr(null).CStr("héllo").UVar(3) // compact array of 2
            .UVar(1).UVar(5).UVar(2).I8(9).I8(9) // one tagged field: tag 5, 2 bytes
            .I32(7).ToArray();
        var sut = new KafkaReader(bytes);

        bytes.AsSpan(0, 2).ToArray().Should().Equal(0x96, 0x01);
        sut.ReadUnsignedVarInt().Should().Be(150);
        sut.ReadCompactString().Should().BeNull();
        sut.ReadCompactString().Should().Be("héllo");
        sut.ReadCompactArrayLength().Should().Be(2);
        sut.SkipTags();
        sut.ReadInt32().Should().Be(7);
        sut.Remaining.Should().Be(0);
    }

    [Fact]
    public void FlexibleWriter_MatchesTheSpecLayout()
    {
        var sut = new KafkaWriter();
        sut.WriteUnsignedVarInt(300);
        sut.WriteString("ab", flexible: true);
        sut.WriteString(null, flexible: true);
        sut.WriteArrayLength(2, flexible: true);
        sut.WriteEmptyTags(flexible: true);
        sut.WriteArrayLength(2, flexible: false);
        sut.WriteEmptyTags(flexible: false);

        sut.WrittenMemory.ToArray().Should().Equal(new Wire().I8(0xAC).I8(0x02).CStr("ab").CStr(null).UVar(3).NoTags().I32(2).ToArray());
    }

    [Fact]
    public void ReadUnsignedVarInt_LongerThanFiveBytes_Throws()
    {
        var bytes = new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 };

        var act = () =>
        {
            var sut = new KafkaReader(bytes);
            sut.ReadUnsignedVarInt();
        };

        act.Should().Throw<KafkaProtocolException>().WithMessage("*longer than 5 bytes*");
    }

    [Fact]
    public void TxnOffsetCommitRequestV3_Flexible_ReadsGroupMemberAndOffsets()
    {
        var body = new Wire().NoTags() // request header tags
            .CStr("tx").CStr("group").I64(42).I16(3).I32(7).CStr("member-1").CStr(null)
            .UVar(2).CStr("in").UVar(3)
            .I32(0).I64(100).I32(-1).CStr(null).NoTags()
            .I32(1).I64(200).I32(-1).CStr("meta").NoTags()
            .NoTags().NoTags()
            .ToArray();
        var reader = new KafkaReader(body);

        var request = TransactionMessages.ReadTxnOffsetCommitRequest(ref reader, 3);

        request.Should().BeEquivalentTo(new TxnOffsetCommitRequest(
            "tx", "group", 42, 7, "member-1", [new TxnOffset("in", 0, 100, null), new TxnOffset("in", 1, 200, "meta")]));
        reader.Remaining.Should().Be(0);
    }

    [Fact]
    public void TxnOffsetCommitRequestV2_NonFlexible_ReadsOffsetsWithLeaderEpoch()
    {
        var body = new Wire().Str("tx").Str("group").I64(42).I16(0)
            .I32(1).Str("in").I32(1).I32(3).I64(9).I32(5).Str(null)
            .ToArray();
        var reader = new KafkaReader(body);

        var request = TransactionMessages.ReadTxnOffsetCommitRequest(ref reader, 2);

        request.Should().BeEquivalentTo(new TxnOffsetCommitRequest("tx", "group", 42, -1, string.Empty, [new TxnOffset("in", 3, 9, null)]));
        reader.Remaining.Should().Be(0);
    }

    [Fact]
    public void TxnOffsetCommitV3_ErrorAnswer_RoundTripsThroughTheResponseReader()
    {
        var request = new TxnOffsetCommitRequest("tx", "g", 42, 1, "m", [new TxnOffset("a", 0, 1, null), new TxnOffset("a", 2, 1, null)]);

        var written = TransactionMessages.WriteTxnOffsetCommitError(request, 3, TransactionMessages.InvalidProducerEpoch).WrittenMemory.ToArray();
        var reader = new KafkaReader(written);

        written.Should().Equal(new Wire().NoTags().I32(0).UVar(2).CStr("a").UVar(3).I32(0).I16(47).NoTags().I32(2).I16(47).NoTags().NoTags().NoTags().ToArray());
        TransactionMessages.ReadTxnOffsetCommitResponse(ref reader, 3).Should().Equal(("a", 0, (short)47), ("a", 2, (short)47));
    }

    [Fact]
    public void InitProducerIdV4_RequestAndResponse_ReadTransactionalIdAndProducer()
    {
        var request = new Wire().NoTags().CStr("tx").I32(60_000).I64(-1).I16(-1).NoTags().ToArray();
        var response = new Wire().NoTags().I32(0).I16(0).I64(1234).I16(2).NoTags().ToArray();
        var requestReader = new KafkaReader(request);
        var responseReader = new KafkaReader(response);

        TransactionMessages.ReadInitProducerIdRequest(ref requestReader, 4).Should().Be("tx");
        TransactionMessages.ReadInitProducerIdResponse(ref responseReader, 4).Should().Be(((short)0, 1234L, (short)2));
    }

    [Fact]
    public void AddPartitionsToTxnV1_FencedAnswer_OneErrorPerRequestedPartition()
    {
        var body = new Wire().Str("tx").I64(42).I16(0).I32(1).Str("t").I32(2).I32(0).I32(5).ToArray();
        var reader = new KafkaReader(body);

        var producerId = TransactionMessages.ReadProducerId(ref reader);
        var answer = TransactionMessages.WriteAddPartitionsError(TransactionMessages.ReadAddPartitionsTopics(ref reader), 47);

        producerId.Should().Be(42);
        answer.WrittenMemory.ToArray().Should().Equal(new Wire().I32(0).I32(1).Str("t").I32(2).I32(0).I16(47).I32(5).I16(47).ToArray());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void ProduceFencedAnswer_PerVersionLayout_ReadsBackAsTheError(short version)
    {
        var answer = TransactionMessages.WriteProduceError([new ProducedPartition("t", 1, 100, 2, 42, true)], version, 47);
        var reader = new KafkaReader(answer.WrittenMemory.Span);

        var results = ProduceMessages.ReadResponse(ref reader, version);

        results.Should().Equal(new ProduceResult("t", 1, 47, -1));
        reader.Remaining.Should().Be(4, "throttle_time_ms closes the response");
    }

    [Fact]
    public void OffsetCommitV5_RequestFrame_AndResponse_MatchTheSpecLayout()
    {
        var frame = OffsetCommitMessages.WriteRequest(9, "g", 3, "m", [new TxnOffset("t", 0, 10, null), new TxnOffset("t", 1, 11, "x")]).WrittenMemory.ToArray();
        var body = new Wire().I16(8).I16(5).I32(9).Str("breadcrumb-fidelity").Str("g").I32(3).Str("m")
            .I32(1).Str("t").I32(2).I32(0).I64(10).Str(null).I32(1).I64(11).Str("x").ToArray();
        var response = new Wire().I32(9).I32(0).I32(1).Str("t").I32(1).I32(0).I16(0).ToArray();

        frame.Should().Equal(new Wire().I32(body.Length).Raw(body).ToArray());
        OffsetCommitMessages.ReadResponse(response).Should().BeEquivalentTo((9, new List<(string, int, short)> { ("t", 0, 0) }));
    }
}

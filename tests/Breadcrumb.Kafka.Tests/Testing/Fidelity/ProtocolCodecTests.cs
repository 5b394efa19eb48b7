using Breadcrumb.Kafka.Testing.Fidelity.Protocol;

namespace Breadcrumb.Kafka.Tests.Testing.Fidelity;

public sealed class ProtocolCodecTests
{
    [Fact]
    public void KafkaReader_Primitives_ReadBigEndianAndNullables()
    {
        var bytes = new Wire().I8(-2).I16(0x0102).I32(-1).I64(0x0102030405060708).Str(null).Str("héllo").Bytes(null).Bytes([7, 8]).ToArray();
        var sut = new KafkaReader(bytes);

        sut.ReadInt8().Should().Be(-2);
        sut.ReadInt16().Should().Be(0x0102);
        sut.ReadInt32().Should().Be(-1);
        sut.ReadInt64().Should().Be(0x0102030405060708);
        sut.ReadString().Should().BeNull();
        sut.ReadString().Should().Be("héllo");
        sut.ReadBytesRange().Length.Should().Be(-1);
        var (offset, length) = sut.ReadBytesRange();
        bytes.AsSpan(offset, length).ToArray().Should().Equal(7, 8);
        sut.Remaining.Should().Be(0);
    }

    [Fact]
    public void KafkaReader_Truncated_SaysWhereAndHowMuch()
    {
        var bytes = new byte[] { 0, 0, 0 };

        var act = () =>
        {
            var sut = new KafkaReader(bytes);
            sut.ReadInt32();
        };

        act.Should().Throw<KafkaProtocolException>().WithMessage("Needed 4 bytes at byte 0 but only 3 are left.");
    }

    [Fact]
    public void KafkaWriter_Primitives_MatchTheSpecLayout()
    {
        var sut = new KafkaWriter();
        sut.WriteInt8(-2);
        sut.WriteInt16(0x0102);
        sut.WriteInt32(-1);
        sut.WriteInt64(0x0102030405060708);
        sut.WriteString(null);
        sut.WriteString("ab");
        sut.WriteBytes([9], isNull: false);
        sut.WriteBytes(default, isNull: true);

        sut.WrittenMemory.ToArray().Should().Equal(
            new Wire().I8(-2).I16(0x0102).I32(-1).I64(0x0102030405060708).Str(null).Str("ab").Bytes([9]).Bytes(null).ToArray());
    }

    [Fact]
    public void RecordBatchHeader_TransactionalAndControlBits_AreRead()
    {
        var data = Wire.Batch(baseOffset: 100, records: 4, producerId: 42, transactional: true);
        var control = Wire.Batch(baseOffset: 104, records: 1, producerId: 42, transactional: true, control: true);

        RecordBatchHeader.TryRead(data, out var header, out var complete).Should().BeTrue();
        RecordBatchHeader.TryRead(control, out var marker, out _).Should().BeTrue();

        complete.Should().BeTrue();
        header.Should().Be(new RecordBatchHeader(100, data.Length, 0x10, 3, 42));
        header.IsTransactional.Should().BeTrue();
        header.IsControl.Should().BeFalse();
        header.LastOffset.Should().Be(103);
        marker.IsControl.Should().BeTrue();
    }

    [Fact]
    public void RecordBatchHeader_CutShortByTheBroker_IsPartial()
    {
        var data = Wire.Batch(baseOffset: 5, records: 3, producerId: -1, transactional: false);

        RecordBatchHeader.TryRead(data.AsSpan(0, 70), out var header, out var complete).Should().BeTrue();
        RecordBatchHeader.TryRead(data.AsSpan(0, 11), out _, out _).Should().BeFalse();

        header.BaseOffset.Should().Be(5);
        complete.Should().BeFalse();
    }

    [Fact]
    public void RequestHeader_V1_ReadsKeyVersionCorrelationAndSkipsClientId()
    {
        var bytes = new Wire().I16(26).I16(1).I32(77).Str("client-1").I32(123).ToArray();
        var sut = new KafkaReader(bytes);

        var header = RequestHeader.Read(ref sut);

        header.Should().Be(new RequestHeader(26, 1, 77));
        sut.ReadInt32().Should().Be(123);
    }

    [Fact]
    public void ProduceRequestV8_TransactionalBatches_AreSummarizedPerPartition()
    {
        var batches = Wire.Batch(10, 3, 9, transactional: true).Concat(Wire.Batch(13, 2, 9, transactional: true)).ToArray();
        var body = new Wire().Str("txn-a").I16(-1).I32(30_000)
            .I32(1).Str("orders").I32(2)
            .I32(0).Bytes(batches)
            .I32(4).Bytes(null)
            .ToArray();
        var sut = new KafkaReader(body);

        var partitions = ProduceMessages.ReadRequest(ref sut, body, out var acks);

        acks.Should().Be(-1);
        partitions.Should().Equal(
            new ProducedPartition("orders", 0, batches.Length, 5, 9, true),
            new ProducedPartition("orders", 4, 0, 0, -1, false));
    }

    [Fact]
    public void ProduceResponseV8_WithRecordErrors_ReadsBaseOffsets()
    {
        var body = new Wire()
            .I32(1).Str("orders").I32(2)
            .I32(0).I16(0).I64(40).I64(-1).I64(0).I32(1).I32(0).Str("bad record").Str(null)
            .I32(1).I16(6).I64(-1).I64(-1).I64(-1).I32(0).Str("not leader")
            .I32(0) // throttle_time_ms
            .ToArray();
        var sut = new KafkaReader(body);

        var results = ProduceMessages.ReadResponse(ref sut, version: 8);

        results.Should().Equal(new ProduceResult("orders", 0, 0, 40), new ProduceResult("orders", 1, 6, -1));
    }

    [Fact]
    public void EndTxnRequestAndResponse_ReadProducerOutcomeAndError()
    {
        var request = new Wire().Str("txn-a").I64(1234).I16(3).I8(1).ToArray();
        var response = new Wire().I32(0).I16(48).ToArray();
        var requestReader = new KafkaReader(request);
        var responseReader = new KafkaReader(response);

        EndTxnMessages.ReadRequest(ref requestReader).Should().Be((1234L, true));
        EndTxnMessages.ReadResponseError(ref responseReader).Should().Be(48);
    }
}

using Breadcrumb.Kafka.Testing.Fidelity;
using Breadcrumb.Kafka.Testing.Fidelity.Protocol;

namespace Breadcrumb.Kafka.Tests.Testing.Fidelity;

public sealed class ReadCommittedRewriterTests
{
    private const long Committer = 1;
    private const long Aborter = 2;

    [Fact]
    public void FetchResponseV11_ReadThenWrite_IsByteExact()
    {
        var body = FetchBody(hw: 8, lso: 8, Wire.Batch(0, 3, -1, false).Concat(Wire.Batch(3, 5, -1, false)).ToArray());
        var reader = new KafkaReader(body);
        var writer = new KafkaWriter();

        FetchResponse.Read(ref reader, 11).Write(writer, 11, body);

        writer.WrittenMemory.ToArray().Should().Equal(body);
    }

    [Fact]
    public void RewriteFetch_CommittedAbortedAndOpen_StopsAtOpenAndListsAborted()
    {
        var ledger = new TransactionLedger();
        ledger.OnProduced("t", 0, 0, 2, 100, Committer, transactional: true);
        ledger.OnEnded(Committer, committed: true);
        ledger.OnProduced("t", 0, 3, 2, 100, Aborter, transactional: true);
        ledger.OnEnded(Aborter, committed: false);
        ledger.OnProduced("t", 0, 6, 2, 100, Committer, transactional: true);
        var kept = Wire.Batch(0, 2, Committer, true)
            .Concat(Wire.Batch(2, 1, Committer, true, control: true))
            .Concat(Wire.Batch(3, 2, Aborter, true))
            .Concat(Wire.Batch(5, 1, Aborter, true, control: true)).ToArray();
        var records = kept.Concat(Wire.Batch(6, 2, Committer, true)).ToArray();
        var body = FetchBody(hw: 8, lso: 8, records);
        var writer = new KafkaWriter();

        var emptied = ReadCommittedRewriter.RewriteFetch(body, 11, ledger, writer);

        emptied.Should().BeFalse();
        var partition = ReadSingle(writer);
        partition.LastStableOffset.Should().Be(6, "the oldest open transaction starts at 6");
        partition.HighWatermark.Should().Be(8);
        partition.AbortedTransactions.Should().Equal(new AbortedTransaction(Aborter, 3));
        partition.Records.Length.Should().Be(kept.Length, "no record at or past the last stable offset is returned");
    }

    [Fact]
    public void RewriteFetch_OnlyOpenRecords_IsEmptiedSoTheCallerCanHoldIt()
    {
        var ledger = new TransactionLedger();
        var body = FetchBody(hw: 4, lso: 4, Wire.Batch(0, 4, Committer, true));
        var writer = new KafkaWriter();

        var emptied = ReadCommittedRewriter.RewriteFetch(body, 11, ledger, writer);

        emptied.Should().BeTrue("a transactional batch whose produce was not yet acknowledged counts as open");
        var partition = ReadSingle(writer);
        partition.LastStableOffset.Should().Be(0);
        partition.Records.Length.Should().Be(0);
    }

    [Fact]
    public void PatchListOffsets_LatestWithOpenTransaction_IsCappedAtItsFirstOffset()
    {
        var ledger = new TransactionLedger();
        ledger.OnProduced("t", 0, 3, 2, 100, Committer, transactional: true);
        var body = new Wire().I32(0).I32(1).Str("t").I32(2)
            .I32(0).I16(0).I64(-1).I64(5).I32(0)
            .I32(1).I16(0).I64(-1).I64(9).I32(0)
            .ToArray();

        ReadCommittedRewriter.PatchListOffsets(body, 5, [("t", 0), ("t", 1)], ledger);

        var reader = new KafkaReader(body);
        ListOffsetsMessages.ReadResponse(ref reader, 5).Select(o => o.Offset).Should().Equal(3, 9);
    }

    [Fact]
    public void ListOffsetsRequestV5_ReadsIsolationAndLatestPartitions()
    {
        var body = new Wire().I32(-1).I8(1).I32(1).Str("t").I32(2)
            .I32(0).I32(-1).I64(-1)
            .I32(1).I32(-1).I64(-2)
            .ToArray();
        var reader = new KafkaReader(body);

        var (isolation, latest) = ListOffsetsMessages.ReadRequest(ref reader, 5);

        isolation.Should().Be(1);
        latest.Should().BeEquivalentTo([("t", 0)]);
    }

    [Fact]
    public void Ledger_SecondTransactionOfOneProducer_IsTrackedSeparately()
    {
        var sut = new TransactionLedger();
        sut.OnProduced("t", 0, 0, 4, 100, Committer, transactional: true);
        sut.OnEnded(Committer, committed: false);
        sut.OnProduced("t", 0, 5, 4, 100, Committer, transactional: true);

        sut.Classify("t", 0, Committer, 2).Should().Be((TransactionState.Aborted, 0L));
        sut.Classify("t", 0, Committer, 7).Should().Be((TransactionState.Open, 5L));
        sut.FirstOpenOffset("t", 0).Should().Be(5);
        sut.Produced("t", 0).Should().Be((200L, 8L));
    }

    private static byte[] FetchBody(long hw, long lso, byte[] records) => new Wire()
        .I32(0).I16(0).I32(0) // throttle, error, session id
        .I32(1).Str("t").I32(1)
        .I32(0).I16(0).I64(hw).I64(lso).I64(0) // partition, error, high watermark, last stable, log start
        .I32(-1) // aborted transactions: null
        .I32(-1) // preferred read replica
        .Bytes(records)
        .ToArray();

    private static FetchPartition ReadSingle(KafkaWriter writer)
    {
        var reader = new KafkaReader(writer.WrittenMemory.Span);
        return FetchResponse.Read(ref reader, 11).Topics.Single().Partitions.Single();
    }
}

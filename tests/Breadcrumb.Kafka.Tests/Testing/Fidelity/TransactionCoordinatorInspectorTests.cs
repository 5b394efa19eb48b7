using System.Net;
using Breadcrumb.Kafka.Testing.Fidelity;
using Breadcrumb.Kafka.Testing.Fidelity.Protocol;

namespace Breadcrumb.Kafka.Tests.Testing.Fidelity;

/// <summary>The layer's transaction coordinator work, driven with request and response bytes.</summary>
public sealed class TransactionCoordinatorInspectorTests
{
    private static readonly IPEndPoint Coordinator = new(IPAddress.Loopback, 9092);

    [Fact]
    public void InitProducerId_SecondProducerOfTheId_FencesTheFirst_WhoseRequestsAreAnsweredWithTheError()
    {
        var sut = new TrafficInspector(new TransactionLedger());
        sut.Ledger.OnProduced("t", 0, 0, 3, 100, 10, transactional: true);

        Initialize(sut, "tx", producerId: 10);
        var beforeFencing = sut.InspectRequest(AddPartitions(10));
        Initialize(sut, "tx", producerId: 11);
        var fenced = sut.InspectRequest(AddPartitions(10));
        var successor = sut.InspectRequest(AddPartitions(11));

        beforeFencing.Should().BeNull("an unfenced producer's AddPartitionsToTxn passes through unread");
        successor.Should().BeNull();
        var answer = fenced.Should().BeOfType<PendingLocalAnswer>().Which;
        answer.Body.ToArray().Should().Equal(new Wire().I32(0).I32(1).Str("t").I32(1).I32(0).I16(47).ToArray());
        sut.Ledger.Classify("t", 0, 10, 1).State.Should().Be(TransactionState.Aborted, "Kafka aborts the fenced producer's open transaction");
        sut.Ledger.FirstOpenOffset("t", 0).Should().BeNull();
    }

    [Fact]
    public void FencedProducer_EndTxnAndTransactionalProduce_AreAnsweredLocallyWithInvalidProducerEpoch()
    {
        var sut = new TrafficInspector(new TransactionLedger());
        Initialize(sut, "tx", producerId: 10);
        Initialize(sut, "tx", producerId: 11);

        var endTxn = sut.InspectRequest(Request(26, 1, new Wire().Str("tx").I64(10).I16(0).I8(1)));
        var produce = sut.InspectRequest(Request(0, 8, new Wire().Str("tx").I16(-1).I32(30_000)
            .I32(1).Str("t").I32(1).I32(0).Bytes(Wire.Batch(0, 2, 10, transactional: true))));
        var otherProducer = sut.InspectRequest(Request(0, 8, new Wire().Str("tx").I16(-1).I32(30_000)
            .I32(1).Str("t").I32(1).I32(0).Bytes(Wire.Batch(0, 2, 11, transactional: true))));

        endTxn.Should().BeOfType<PendingLocalAnswer>().Which.Body.ToArray().Should().Equal(new Wire().I32(0).I16(47).ToArray());
        var produceAnswer = produce.Should().BeOfType<PendingLocalAnswer>().Which;
        var reader = new KafkaReader(produceAnswer.Body.Span);
        ProduceMessages.ReadResponse(ref reader, 8).Should().Equal(new ProduceResult("t", 0, 47, -1));
        otherProducer.Should().BeOfType<PendingProduce>();
    }

    [Fact]
    public async Task TxnOffsetCommit_AcceptedOffsets_AreAppliedWhenTheTransactionCommits_AndDiscardedOnAbort()
    {
        var committer = new RecordingCommitter();
        var sut = new TrafficInspector(new TransactionLedger(), committer: committer);

        SendOffsets(sut, producerId: 10, offset: 4, secondPartitionError: 0);
        EndTxn(sut, 10, committed: false).Should().BeNull();
        SendOffsets(sut, producerId: 10, offset: 8, secondPartitionError: 25);
        var followUp = EndTxn(sut, 10, committed: true);
        await followUp!;

        committer.Commits.Should().ContainSingle().Which.Should().BeEquivalentTo(new TransactionalOffsets(
            Coordinator, "g", 5, "member", [new TxnOffset("in", 0, 8, null)]),
            "only the committed transaction's offsets go to the group, and only those the mock accepted");
        EndTxn(sut, 10, committed: true).Should().BeNull("offsets apply once");
    }

    [Fact]
    public void IdempotentProducer_InitProducerIdWithoutTransactionalId_IsNotFollowed()
    {
        var sut = new TrafficInspector(new TransactionLedger());

        sut.InspectRequest(Request(22, 4, new Wire().NoTags().CStr(null).I32(-1).I64(-1).I16(-1).NoTags())).Should().BeNull();
    }

    private static void Initialize(TrafficInspector sut, string transactionalId, long producerId)
    {
        var pending = sut.InspectRequest(Request(22, 4, new Wire().NoTags().CStr(transactionalId).I32(60_000).I64(-1).I16(-1).NoTags()));
        var response = new Wire().NoTags().I32(0).I16(0).I64(producerId).I16(0).NoTags().ToArray();
        sut.InspectResponse(pending!, response, out _);
    }

    private static void SendOffsets(TrafficInspector sut, long producerId, long offset, short secondPartitionError)
    {
        var request = new Wire().NoTags().CStr("tx").CStr("g").I64(producerId).I16(0).I32(5).CStr("member").CStr(null)
            .UVar(2).CStr("in").UVar(3)
            .I32(0).I64(offset).I32(-1).CStr(null).NoTags()
            .I32(1).I64(offset).I32(-1).CStr(null).NoTags()
            .NoTags().NoTags();
        var pending = sut.InspectRequest(Request(28, 3, request), Coordinator);
        var response = new Wire().NoTags().I32(0).UVar(2).CStr("in").UVar(3)
            .I32(0).I16(0).NoTags().I32(1).I16(secondPartitionError).NoTags().NoTags().NoTags().ToArray();
        sut.InspectResponse(pending!, response, out _, out var followUp);
        followUp.Should().BeNull();
    }

    private static Task? EndTxn(TrafficInspector sut, long producerId, bool committed)
    {
        var pending = sut.InspectRequest(Request(26, 1, new Wire().Str("tx").I64(producerId).I16(0).I8(committed ? 1 : 0)));
        sut.InspectResponse(pending!, new Wire().I32(0).I16(0).ToArray(), out _, out var followUp);
        return followUp;
    }

    private static byte[] AddPartitions(long producerId) =>
        Request(24, 1, new Wire().Str("tx").I64(producerId).I16(0).I32(1).Str("t").I32(1).I32(0));

    /// <summary>A request without its size prefix: header (a flexible header's tag buffer opens the body given) and body.</summary>
    private static byte[] Request(short apiKey, short version, Wire body) =>
        [.. new Wire().I16(apiKey).I16(version).I32(1).Str("client").ToArray(), .. body.ToArray()];

    private sealed class RecordingCommitter : IOffsetCommitter
    {
        public List<TransactionalOffsets> Commits { get; } = [];

        public Task CommitAsync(IReadOnlyList<TransactionalOffsets> offsets)
        {
            Commits.AddRange(offsets);
            return Task.CompletedTask;
        }
    }
}

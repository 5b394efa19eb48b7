using Breadcrumb.Kafka.Testing.Fidelity.Protocol;

namespace Breadcrumb.Kafka.Testing.Fidelity;

/// <summary>
/// Decides which requests the layer must follow and what it learns from their responses. Everything else passes
/// through unread. Pure over its inputs and the shared <see cref="TransactionLedger"/>, so unit tests can drive it with bytes.
/// </summary>
internal sealed class TrafficInspector(TransactionLedger ledger, IMockAdmin? admin = null)
{
    /// <summary>The broker named as controller when the mock names none (the mock has no controller of its own).</summary>
    public const int ControllerId = 1;

    public TransactionLedger Ledger { get; } = ledger;

    /// <summary>Tells whether a request with this key and version needs <see cref="InspectRequest"/>.</summary>
    public static bool Wants(short apiKey, short apiVersion) => (KafkaApiKey)apiKey switch
    {
        KafkaApiKey.Produce => apiVersion is >= ProduceMessages.MinVersion and <= ProduceMessages.MaxVersion,
        KafkaApiKey.Fetch => apiVersion is >= FetchResponse.MinVersion and <= FetchResponse.MaxVersion,
        KafkaApiKey.ListOffsets => apiVersion is >= ListOffsetsMessages.MinVersion and <= ListOffsetsMessages.MaxVersion,
        KafkaApiKey.EndTxn => apiVersion <= EndTxnMessages.MaxVersion,
        KafkaApiKey.Metadata => apiVersion <= 13,
        KafkaApiKey.ApiVersions => apiVersion <= ApiVersionsMessages.MaxVersion,
        _ => AdminMessages.Answers(apiKey, apiVersion),
    };

    /// <summary>Reads a request (the frame without its size prefix) and returns what to remember until its response.</summary>
    public PendingRequest? InspectRequest(ReadOnlySpan<byte> request)
    {
        var reader = new KafkaReader(request);
        var header = RequestHeader.Read(ref reader);
        switch ((KafkaApiKey)header.ApiKey)
        {
            case KafkaApiKey.Produce:
                var produced = ProduceMessages.ReadRequest(ref reader, request, out var acks);
                if (acks == 0)
                {
                    // No response will come: count what was sent, the only record there is.
                    foreach (var p in produced)
                    {
                        Ledger.OnProduced(p.Topic, p.Partition, -1, p.Messages, p.Bytes, p.ProducerId, transactional: false);
                    }

                    return null;
                }

                return new PendingProduce(header.ApiVersion, produced);
            case KafkaApiKey.Fetch:
                var (isolation, maxWait) = FetchResponse.ReadRequestIsolation(ref reader);
                return isolation == 1 ? new PendingFetch(header.ApiVersion, maxWait) : null;
            case KafkaApiKey.ListOffsets:
                var (listIsolation, latest) = ListOffsetsMessages.ReadRequest(ref reader, header.ApiVersion);
                return listIsolation == 1 && latest.Count > 0 ? new PendingListOffsets(header.ApiVersion, latest) : null;
            case KafkaApiKey.EndTxn:
                var (producerId, committed) = EndTxnMessages.ReadRequest(ref reader);
                return new PendingEndTxn(header.ApiVersion, producerId, committed);
            case KafkaApiKey.Metadata:
                return admin is null ? null : new PendingMetadata(header.ApiVersion);
            case KafkaApiKey.ApiVersions:
                return admin is null ? null : new PendingApiVersions(header.ApiVersion);
            default:
                return admin is null || !AdminMessages.Answers(header.ApiKey, header.ApiVersion)
                    ? null
                    : new PendingLocalAnswer(header.ApiKey, header.ApiVersion, AdminMessages.Answer(header.ApiKey, header.ApiVersion, ref reader, admin).WrittenMemory);
        }
    }

    /// <summary>
    /// Learns from a response body (after the correlation id) and rewrites it when Kafka would answer differently.
    /// </summary>
    /// <param name="pending">What the request was.</param>
    /// <param name="body">The response body; ListOffsets answers are patched in place.</param>
    /// <param name="rewritten">A replacement body, when the response must change size.</param>
    /// <returns><see langword="true"/> when a read_committed Fetch answer was emptied by an open transaction.</returns>
    public bool InspectResponse(PendingRequest pending, Span<byte> body, out KafkaWriter? rewritten)
    {
        rewritten = null;
        var reader = new KafkaReader(body);
        switch (pending)
        {
            case PendingProduce produce:
                foreach (var result in ProduceMessages.ReadResponse(ref reader, produce.ApiVersion))
                {
                    if (result.ErrorCode != 0)
                    {
                        continue;
                    }

                    var sent = produce.Partitions.Find(p => p.Partition == result.Partition && p.Topic == result.Topic);
                    Ledger.OnProduced(result.Topic, result.Partition, result.BaseOffset, sent.Messages, sent.Bytes, sent.ProducerId, sent.Transactional);
                }

                return false;
            case PendingEndTxn endTxn:
                if (EndTxnMessages.ReadResponseError(ref reader) == 0)
                {
                    Ledger.OnEnded(endTxn.ProducerId, endTxn.Committed);
                }

                return false;
            case PendingListOffsets list:
                ReadCommittedRewriter.PatchListOffsets(body, list.ApiVersion, list.LatestAsked, Ledger);
                return false;
            case PendingMetadata metadata:
                MetadataPatcher.PatchController(body, metadata.ApiVersion, ControllerId);
                return false;
            case PendingApiVersions versions:
                rewritten = ApiVersionsMessages.AddApis(body, versions.ApiVersion, AdminMessages.Supported);
                return false;
            case PendingLocalAnswer answer:
                rewritten = new KafkaWriter(answer.Body.Length);
                rewritten.WriteRaw(answer.Body.Span);
                return false;
            case PendingFetch fetch:
                rewritten = new KafkaWriter(body.Length + 64);
                return ReadCommittedRewriter.RewriteFetch(body, fetch.ApiVersion, Ledger, rewritten);
            default:
                return false;
        }
    }
}

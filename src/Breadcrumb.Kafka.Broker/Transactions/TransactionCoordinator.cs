using Breadcrumb.Kafka.Broker.Groups;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Transactions;

/// <summary>
/// The transaction coordinator (KIP-98): transactional ids with their producer id and epoch; a new
/// InitProducerId bumps the epoch, fencing the previous instance and aborting its open transaction; the
/// partitions and groups of the open transaction; its end, written as markers into every partition; and
/// transaction.timeout.ms, after which the coordinator aborts and bumps the epoch. One lock guards it all.
/// </summary>
internal sealed partial class TransactionCoordinator : IDisposable
{
    private readonly ClusterCore cluster;
    private readonly Lock sync = new();
    private readonly Dictionary<string, TransactionState> states = new(StringComparer.Ordinal);
    private readonly ITimer expiry;

    public TransactionCoordinator(ClusterCore cluster)
    {
        this.cluster = cluster;
        expiry = cluster.TimeProvider.CreateTimer(static state => ((TransactionCoordinator)state!).AbortExpired(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => expiry.Dispose();

    public BrokerServer CoordinatorFor(string transactionalId) =>
        cluster.Brokers[(int)((uint)GroupCoordinator.StableHash(transactionalId) % (uint)cluster.Brokers.Count)];

    public ValueTask<InitProducerIdResponse> InitProducerIdAsync(RequestContext context, InitProducerIdRequest request)
    {
        var response = new InitProducerIdResponse();
        var transactionalId = request.TransactionalId!;
        if (Check(context, transactionalId) is { } notHere)
        {
            response.ErrorCode = (short)notHere;
            return new(response);
        }

        if (request.TransactionTimeoutMs <= 0 || request.TransactionTimeoutMs > cluster.Options.TransactionMaxTimeout.TotalMilliseconds)
        {
            response.ErrorCode = (short)ErrorCode.InvalidTransactionTimeout;
            return new(response);
        }

        lock (sync)
        {
            if (!states.TryGetValue(transactionalId, out var state))
            {
                state = new TransactionState(transactionalId, cluster.ProducerIds.Next());
                states[transactionalId] = state;
            }
            else
            {
                // KIP-360: a producer that names its id and epoch must be the current one (or retrying its last bump).
                if (request.ProducerId != -1 && (request.ProducerId != state.ProducerId ||
                    (request.ProducerEpoch != state.ProducerEpoch && request.ProducerEpoch != state.LastProducerEpoch)))
                {
                    response.ErrorCode = (short)Fenced(context.Version, firstFencedVersion: 4);
                    return new(response);
                }

                if (state.Status == TransactionStatus.Ongoing)
                {
                    Bump(state);
                    Complete(state, commit: false);
                }

                Bump(state);
            }

            state.TimeoutMs = request.TransactionTimeoutMs;
            state.Status = TransactionStatus.Empty;
            response.ProducerId = state.ProducerId;
            response.ProducerEpoch = state.ProducerEpoch;
            return new(response);
        }
    }

    /// <summary>Aborts every transaction open longer than its timeout, bumping its epoch so the producer is fenced.</summary>
    public void AbortExpired()
    {
        var now = cluster.NowMs;
        lock (sync)
        {
            foreach (var state in states.Values.Where(s => s.Status == TransactionStatus.Ongoing && now - s.StartTimeMs > s.TimeoutMs))
            {
                state.Status = TransactionStatus.PrepareEpochFence;
                Bump(state);
                Complete(state, commit: false);
            }

            ScheduleExpiry();
        }
    }

    /// <summary>Sets the timer for the first open transaction to time out (one timer, not a periodic sweep: a fake clock may jump days).</summary>
    private void ScheduleExpiry()
    {
        var open = states.Values.Where(s => s.Status == TransactionStatus.Ongoing).ToList();
        if (open.Count == 0)
        {
            expiry.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = open.Min(s => s.StartTimeMs + s.TimeoutMs) - cluster.NowMs + 1;
        expiry.Change(TimeSpan.FromMilliseconds(Math.Max(1, due)), Timeout.InfiniteTimeSpan);
    }

    /// <summary>Checks that this broker coordinates the transactional id.</summary>
    public ErrorCode? Check(RequestContext context, string transactionalId) =>
        string.IsNullOrEmpty(transactionalId) ? ErrorCode.InvalidRequest
        : CoordinatorFor(transactionalId) != context.Broker ? ErrorCode.NotCoordinator
        : null;

    /// <summary>Kafka answers PRODUCER_FENCED, or INVALID_PRODUCER_EPOCH to versions older than the one that knows it.</summary>
    internal static ErrorCode Fenced(short version, short firstFencedVersion) =>
        version >= firstFencedVersion ? ErrorCode.ProducerFenced : ErrorCode.InvalidProducerEpoch;

    private void Bump(TransactionState state)
    {
        state.LastProducerEpoch = state.ProducerEpoch;
        if (state.ProducerEpoch >= short.MaxValue - 1)
        {
            state.ProducerId = cluster.ProducerIds.Next();
            state.ProducerEpoch = 0;
        }
        else
        {
            state.ProducerEpoch++;
        }
    }

    /// <summary>Ends the open transaction: markers into its partitions, its group offsets applied or dropped.</summary>
    private void Complete(TransactionState state, bool commit)
    {
        var now = cluster.NowMs;
        foreach (var (topic, partition) in state.Partitions)
        {
            if (!topic.IsDeleted && topic.Partition(partition) is { } log)
            {
                log.AppendMarker(state.ProducerId, state.ProducerEpoch, commit, now);
            }
        }

        foreach (var groupId in state.Groups)
        {
            if (cluster.Groups.Find(groupId) is { } group)
            {
                lock (group.Sync)
                {
                    group.Offsets.CompletePending(state.ProducerId, commit);
                }
            }
        }

        state.Partitions.Clear();
        state.Groups.Clear();
        state.StartTimeMs = -1;
        state.Status = commit ? TransactionStatus.CompleteCommit : TransactionStatus.CompleteAbort;
    }
}

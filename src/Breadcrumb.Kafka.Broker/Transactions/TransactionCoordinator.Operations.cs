using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker.Transactions;

/// <summary>The calls of an open transaction: adding partitions and groups, ending it, and the checks they share.</summary>
internal sealed partial class TransactionCoordinator
{
    /// <summary>Adds partitions to the producer's transaction (opening it); unknown partitions fail the whole call, as in Kafka.</summary>
    public Dictionary<(string Topic, int Partition), ErrorCode> AddPartitions(
        string transactionalId, long producerId, short epoch, IEnumerable<(string Topic, int Partition)> partitions, short version, bool verifyOnly = false)
    {
        var asked = partitions.Distinct().ToList();
        lock (sync)
        {
            var error = Validate(transactionalId, producerId, epoch, version, firstFencedVersion: 2, out var state);
            if (error == ErrorCode.None && !verifyOnly && state!.Status is not (TransactionStatus.Empty or TransactionStatus.Ongoing or TransactionStatus.CompleteCommit or TransactionStatus.CompleteAbort))
            {
                error = ErrorCode.ConcurrentTransactions;
            }

            if (error != ErrorCode.None)
            {
                return asked.ToDictionary(p => p, _ => error);
            }

            var resolved = asked.Select(p => (Asked: p, Topic: cluster.Topics.Find(p.Topic))).ToList();
            if (resolved.Any(r => r.Topic?.Partition(r.Asked.Partition) is null))
            {
                return resolved.ToDictionary(r => r.Asked, r => r.Topic?.Partition(r.Asked.Partition) is null ? ErrorCode.UnknownTopicOrPartition : ErrorCode.OperationNotAttempted);
            }

            if (verifyOnly)
            {
                return resolved.ToDictionary(r => r.Asked, r => state!.Status == TransactionStatus.Ongoing && state.Partitions.Contains((r.Topic!, r.Asked.Partition))
                    ? ErrorCode.None : ErrorCode.InvalidTxnState);
            }

            Open(state!);
            foreach (var (p, topic) in resolved)
            {
                state!.Partitions.Add((topic!, p.Partition));
            }

            return asked.ToDictionary(p => p, _ => ErrorCode.None);
        }
    }

    /// <summary>Adds a group whose offsets the transaction will commit (AddOffsetsToTxn).</summary>
    public ErrorCode AddGroup(string transactionalId, long producerId, short epoch, string groupId, short version)
    {
        lock (sync)
        {
            var error = Validate(transactionalId, producerId, epoch, version, firstFencedVersion: 2, out var state);
            if (error != ErrorCode.None)
            {
                return error;
            }

            if (state!.Status is TransactionStatus.PrepareCommit or TransactionStatus.PrepareAbort or TransactionStatus.PrepareEpochFence)
            {
                return ErrorCode.ConcurrentTransactions;
            }

            Open(state);
            state.Groups.Add(groupId);
            return ErrorCode.None;
        }
    }

    /// <summary>Commits or aborts the open transaction; a retry of the same end is answered as done.</summary>
    public ErrorCode End(string transactionalId, long producerId, short epoch, bool commit, short version)
    {
        lock (sync)
        {
            var error = Validate(transactionalId, producerId, epoch, version, firstFencedVersion: 2, out var state);
            if (error != ErrorCode.None)
            {
                return error;
            }

            switch (state!.Status)
            {
                case TransactionStatus.Ongoing:
                    Complete(state, commit);
                    return ErrorCode.None;
                case TransactionStatus.CompleteCommit when commit:
                case TransactionStatus.CompleteAbort when !commit:
                    return ErrorCode.None;
                default:
                    return ErrorCode.InvalidTxnState;
            }
        }
    }

    /// <summary>Checks a TxnOffsetCommit's producer against its transaction: INVALID_PRODUCER_EPOCH when it is not the current one.</summary>
    public ErrorCode CheckOffsetCommit(string transactionalId, long producerId, short epoch)
    {
        lock (sync)
        {
            if (!states.TryGetValue(transactionalId, out var state) || state.ProducerId != producerId)
            {
                return ErrorCode.InvalidProducerIdMapping;
            }

            return state.ProducerEpoch != epoch ? ErrorCode.InvalidProducerEpoch
                : state.Status != TransactionStatus.Ongoing ? ErrorCode.InvalidTxnState
                : ErrorCode.None;
        }
    }

    /// <summary>
    /// Checks a transactional batch against its producer's transaction: the partition must have been added
    /// (INVALID_TXN_STATE otherwise), and an epoch older than the coordinator's is fenced (INVALID_PRODUCER_EPOCH).
    /// </summary>
    public ErrorCode CheckTransactionalBatch(long producerId, short epoch, TopicState topic, int partition)
    {
        lock (sync)
        {
            var state = states.Values.FirstOrDefault(s => s.ProducerId == producerId);
            if (state is not null && epoch < state.ProducerEpoch)
            {
                return ErrorCode.InvalidProducerEpoch;
            }

            return state is { Status: TransactionStatus.Ongoing } && state.ProducerEpoch == epoch && state.Partitions.Contains((topic, partition))
                ? ErrorCode.None
                : ErrorCode.InvalidTxnState;
        }
    }

    private ErrorCode Validate(string transactionalId, long producerId, short epoch, short version, short firstFencedVersion, out TransactionState? state)
    {
        if (!states.TryGetValue(transactionalId, out state) || state.ProducerId != producerId)
        {
            return ErrorCode.InvalidProducerIdMapping;
        }

        return epoch != state.ProducerEpoch ? Fenced(version, firstFencedVersion) : ErrorCode.None;
    }

    private void Open(TransactionState state)
    {
        if (state.Status != TransactionStatus.Ongoing)
        {
            state.Status = TransactionStatus.Ongoing;
            state.StartTimeMs = cluster.NowMs;
            ScheduleExpiry();
        }
    }
}

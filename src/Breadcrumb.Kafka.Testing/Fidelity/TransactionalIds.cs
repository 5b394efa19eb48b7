using System.Net;
using Breadcrumb.Kafka.Testing.Fidelity.Protocol;

namespace Breadcrumb.Kafka.Testing.Fidelity;

/// <summary>Consumer offsets a transaction sent for one group, to apply when it commits.</summary>
/// <param name="Coordinator">The mock broker the TxnOffsetCommit went to (the group's coordinator).</param>
/// <param name="GroupId">The group.</param>
/// <param name="GenerationId">The group generation or member epoch the producer sent, -1 for none.</param>
/// <param name="MemberId">The member id the producer sent, empty for none.</param>
/// <param name="Offsets">The offsets the mock accepted, in the order sent.</param>
internal sealed record TransactionalOffsets(EndPoint? Coordinator, string GroupId, int GenerationId, string MemberId, IReadOnlyList<TxnOffset> Offsets);

/// <summary>
/// What a Kafka transaction coordinator keeps and the mock does not: which producer id currently holds each
/// transactional id (older ones are fenced), and the consumer offsets each open transaction carries until it ends.
/// </summary>
/// <remarks>Thread-safe: every connection of every broker proxy reports here.</remarks>
internal sealed class TransactionalIds
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, long> current = [];
    private readonly HashSet<long> fenced = [];
    private readonly Dictionary<long, List<TransactionalOffsets>> offsets = [];

    /// <summary>
    /// Records that <paramref name="producerId"/> now holds <paramref name="transactionalId"/>; returns the producer id
    /// it fences (the id's previous holder), or <see langword="null"/>.
    /// </summary>
    public long? OnInitialized(string transactionalId, long producerId)
    {
        lock (gate)
        {
            var previous = current.TryGetValue(transactionalId, out var p) && p != producerId ? p : (long?)null;
            current[transactionalId] = producerId;
            fenced.Remove(producerId);
            if (previous is { } old)
            {
                fenced.Add(old);
                offsets.Remove(old);
            }

            return previous;
        }
    }

    /// <summary>Tells whether a newer producer took this producer id's transactional id.</summary>
    public bool IsFenced(long producerId)
    {
        lock (gate)
        {
            return fenced.Contains(producerId);
        }
    }

    /// <summary>Keeps offsets the mock accepted in the producer's open transaction.</summary>
    public void AddOffsets(long producerId, TransactionalOffsets accepted)
    {
        if (accepted.Offsets.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            if (!offsets.TryGetValue(producerId, out var list))
            {
                offsets[producerId] = list = [];
            }

            list.Add(accepted);
        }
    }

    /// <summary>Removes and returns the offsets of the producer's transaction, which has just ended.</summary>
    public IReadOnlyList<TransactionalOffsets> TakeOffsets(long producerId)
    {
        lock (gate)
        {
            return offsets.Remove(producerId, out var list) ? list : [];
        }
    }
}

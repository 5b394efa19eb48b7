using System.Text.RegularExpressions;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>
/// A group on the consumer protocol (KIP-848): members heartbeat; the broker keeps a group epoch that moves
/// when membership, subscriptions or subscribed topics change, computes a target assignment with a server-side
/// assignor, and brings each member to it in steps: first the partitions it must give up, then — once their
/// owners released them — the ones it gains. Guarded by <see cref="GroupBase.Sync"/>.
/// </summary>
internal sealed partial class ConsumerGroup(string groupId, ClusterCore cluster, GroupOptionsSnapshot options, GroupOffsets? offsets = null)
    : GroupBase(groupId, offsets)
{
    private readonly Dictionary<string, ConsumerMember> members = new(StringComparer.Ordinal);
    private Dictionary<string, TopicPartitionSet> target = new(StringComparer.Ordinal);
    private string topologyKey = "";

    public int GroupEpoch { get; private set; }

    public int AssignmentEpoch { get; private set; }

    public string AssignorName { get; private set; } = PartitionAssignors.Uniform;

    public IReadOnlyCollection<ConsumerMember> Members => members.Values;

    public override string GroupType => "consumer";

    public override string ProtocolType => "consumer";

    public override bool IsEmpty => members.Count == 0;

    public override string StateName =>
        members.Count == 0 ? "Empty"
        : GroupEpoch > AssignmentEpoch ? "Assigning"
        : members.Values.Any(m => m.MemberEpoch != AssignmentEpoch || !m.PendingRevocation.IsEmpty) ? "Reconciling"
        : "Stable";

    public override bool IsSubscribedTo(string topic) => members.Values.Any(m => Subscribes(m, topic));

    public ConsumerMember? Find(string memberId) => members.GetValueOrDefault(memberId);

    public TopicPartitionSet TargetOf(string memberId) => target.GetValueOrDefault(memberId) ?? new();

    /// <summary>Checks an offset commit's member and epoch: STALE_MEMBER_EPOCH for an old epoch, as Kafka answers.</summary>
    public ErrorCode CheckCommit(string memberId, int memberEpoch)
    {
        if (Find(memberId) is not { } member)
        {
            return ErrorCode.UnknownMemberId;
        }

        return memberEpoch == member.MemberEpoch ? ErrorCode.None : ErrorCode.StaleMemberEpoch;
    }

    private static bool Subscribes(ConsumerMember member, string topic) =>
        member.SubscribedTopicNames.Contains(topic) || (member.SubscribedTopicRegex is { } regex && Matches(regex, topic));

    private static bool Matches(string regex, string topic)
    {
        try
        {
            return Regex.IsMatch(topic, "^(?:" + regex + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void RemoveMember(ConsumerMember member)
    {
        members.Remove(member.MemberId);
        member.SessionTimer?.Dispose();
        member.RevocationTimer?.Dispose();
        target.Remove(member.MemberId);
        GroupEpoch++;
    }

    /// <summary>Recomputes the target assignment when the group epoch moved past it, or the subscribed topics changed.</summary>
    private void RefreshTarget()
    {
        var topics = cluster.Topics.All()
            .Where(t => !t.IsDeleted && members.Values.Any(m => Subscribes(m, t.Name)))
            .Select(t => new AssignableTopic(t.Id, t.Name, t.Partitions.Count))
            .ToList();
        var key = string.Join(';', topics.Select(t => $"{t.Id}:{t.Partitions}"));
        if (key != topologyKey)
        {
            topologyKey = key;
            GroupEpoch++;
        }

        if (GroupEpoch == AssignmentEpoch)
        {
            return;
        }

        var assignor = members.Values.Select(m => m.ServerAssignor).FirstOrDefault(a => a is not null) ?? PartitionAssignors.Uniform;
        AssignorName = assignor;
        var subscriptions = members.Values
            .OrderBy(m => m.MemberId, StringComparer.Ordinal)
            .Select(m => (m.MemberId, (IReadOnlySet<Guid>)topics.Where(t => Subscribes(m, t.Name)).Select(t => t.Id).ToHashSet()))
            .ToList();
        target = PartitionAssignors.Assign(assignor, subscriptions, topics, target);
        AssignmentEpoch = GroupEpoch;
    }

    private void TouchSession(ConsumerMember member)
    {
        member.SessionTimer ??= cluster.TimeProvider.CreateTimer(
            static state => ((MemberExpiry)state!).Fire(), new MemberExpiry(this, member), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        member.SessionTimer.Change(options.ConsumerSessionTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Removes a member that stopped heartbeating, or did not give partitions back within its rebalance timeout.</summary>
    private sealed class MemberExpiry(ConsumerGroup group, ConsumerMember member)
    {
        public void Fire()
        {
            lock (group.Sync)
            {
                if (group.members.TryGetValue(member.MemberId, out var current) && ReferenceEquals(current, member))
                {
                    group.RemoveMember(member);
                }
            }
        }
    }
}

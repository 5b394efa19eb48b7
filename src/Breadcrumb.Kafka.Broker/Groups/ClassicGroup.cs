using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;

namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>
/// A group on the classic protocol (JoinGroup/SyncGroup/Heartbeat/LeaveGroup), with Kafka's state machine:
/// Empty → PreparingRebalance (members rejoin) → CompletingRebalance (the leader assigns) → Stable. A rebalance
/// starts when a member joins, changes what it offers, leaves, or its session times out; the join phase ends
/// when every member has rejoined or the rebalance timeout passes. All state is guarded by <see cref="GroupBase.Sync"/>.
/// </summary>
internal sealed partial class ClassicGroup(string groupId, TimeProvider time, GroupOptionsSnapshot options, GroupOffsets? offsets = null) : GroupBase(groupId, offsets)
{
    private readonly List<ClassicMember> members = [];
    private readonly Dictionary<string, ITimer> pendingMembers = new(StringComparer.Ordinal);
    private ITimer? joinDeadline;
    private bool initialDelayRunning;

    public ClassicGroupState State { get; private set; } = ClassicGroupState.Empty;

    public int GenerationId { get; private set; }

    public string? ProtocolName { get; private set; }

    public string? LeaderId { get; private set; }

    public string? DeclaredProtocolType { get; private set; }

    public IReadOnlyList<ClassicMember> Members => members;

    public override string GroupType => "classic";

    public override string ProtocolType => DeclaredProtocolType ?? "";

    public override string StateName => State.ToString();

    public override bool IsEmpty => members.Count == 0;

    public override bool IsSubscribedTo(string topic) =>
        ProtocolType == "consumer" && ProtocolName is { } protocol &&
        members.Any(m => m.MetadataFor(protocol) is { } metadata && ConsumerProtocolMessages.SubscribedTopics(metadata).Contains(topic));

    public ClassicMember? Find(string memberId) => members.Find(m => m.MemberId == memberId);

    /// <summary>Marks the group deleted: it has no members, so nothing waits on it.</summary>
    public void MarkDead() => State = ClassicGroupState.Dead;

    public short Heartbeat(string memberId, string? instanceId, int generationId)
    {
        if (CheckMember(memberId, instanceId) is { } error)
        {
            return (short)error;
        }

        var member = Find(memberId)!;
        if (generationId != GenerationId)
        {
            return (short)ErrorCode.IllegalGeneration;
        }

        TouchSession(member);
        return State == ClassicGroupState.PreparingRebalance ? (short)ErrorCode.RebalanceInProgress : (short)ErrorCode.None;
    }

    /// <summary>Removes members that leave (LeaveGroup) and starts a rebalance at once for those that stay.</summary>
    public List<(string MemberId, string? InstanceId, short Error)> Leave(IEnumerable<(string MemberId, string? InstanceId)> leaving)
    {
        var results = new List<(string, string?, short)>();
        foreach (var (memberId, instanceId) in leaving)
        {
            var member = instanceId is not null ? members.Find(m => m.GroupInstanceId == instanceId) : Find(memberId);
            if (member is null)
            {
                results.Add((memberId, instanceId, (short)ErrorCode.UnknownMemberId));
                continue;
            }

            if (instanceId is not null && memberId.Length > 0 && member.MemberId != memberId)
            {
                results.Add((memberId, instanceId, (short)ErrorCode.FencedInstanceId));
                continue;
            }

            RemoveMember(member, ErrorCode.UnknownMemberId);
            results.Add((member.MemberId, instanceId, (short)ErrorCode.None));
        }

        if (results.Any(r => r.Item3 == 0))
        {
            MembershipChanged();
        }

        return results;
    }

    private ErrorCode? CheckMember(string memberId, string? instanceId)
    {
        if (State == ClassicGroupState.Dead)
        {
            return ErrorCode.CoordinatorNotAvailable;
        }

        if (instanceId is not null && members.Find(m => m.GroupInstanceId == instanceId) is { } byInstance && byInstance.MemberId != memberId)
        {
            return ErrorCode.FencedInstanceId;
        }

        return Find(memberId) is null ? ErrorCode.UnknownMemberId : null;
    }

    private static void TouchSession(ClassicMember member) =>
        member.SessionTimer?.Change(TimeSpan.FromMilliseconds(member.SessionTimeoutMs), Timeout.InfiniteTimeSpan);

    private void StartSession(ClassicMember member)
    {
        member.SessionTimer ??= time.CreateTimer(static state => ((SessionExpiry)state!).Fire(), new SessionExpiry(this, member), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        TouchSession(member);
    }

    private void RemoveMember(ClassicMember member, ErrorCode reason)
    {
        members.Remove(member);
        member.SessionTimer?.Dispose();
        member.SessionTimer = null;
        member.PendingJoin?.TrySetResult(new JoinGroupResponse { ErrorCode = (short)reason, MemberId = member.MemberId });
        member.PendingJoin = null;
        member.PendingSync?.TrySetResult(new SyncGroupResponse { ErrorCode = (short)reason });
        member.PendingSync = null;
        if (LeaderId == member.MemberId)
        {
            LeaderId = null;
        }
    }

    /// <summary>After a member left or expired: rebalance the rest, or go Empty when none is left.</summary>
    private void MembershipChanged()
    {
        if (State is ClassicGroupState.Dead)
        {
            return;
        }

        if (State == ClassicGroupState.PreparingRebalance)
        {
            TryCompleteJoin();
            return;
        }

        PrepareRebalance();
        TryCompleteJoin();
    }

    /// <summary>Removes a member whose session ran out, under the group's lock.</summary>
    private sealed class SessionExpiry(ClassicGroup group, ClassicMember member)
    {
        public void Fire()
        {
            lock (group.Sync)
            {
                // A member waiting in the join phase is kept: the rebalance timeout decides about it.
                if (group.members.Contains(member) && member.PendingJoin is null)
                {
                    group.RemoveMember(member, ErrorCode.UnknownMemberId);
                    group.MembershipChanged();
                }
            }
        }
    }
}

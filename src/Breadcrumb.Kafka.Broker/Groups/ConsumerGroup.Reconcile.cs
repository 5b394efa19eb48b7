using Breadcrumb.Kafka.Broker.Protocol.Messages;

namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>
/// Brings a member towards its target assignment the way Kafka's consumer protocol does: partitions it must give
/// up are taken away first (its epoch stays until it confirms, by no longer reporting them); then it gets the
/// target partitions no other member still holds, and the group's assignment epoch.
/// </summary>
internal sealed partial class ConsumerGroup
{
    private void Reconcile(ConsumerMember member, List<ConsumerGroupHeartbeatRequest.OwnedTopicPartitions>? reported)
    {
        var owned = reported is null ? null : new TopicPartitionSet(reported.SelectMany(t => t.Partitions.Select(p => (t.TopicId, p))));
        if (!member.PendingRevocation.IsEmpty && owned is not null && owned.Intersect(member.PendingRevocation).IsEmpty)
        {
            member.PendingRevocation = new();
            member.RevocationTimer?.Dispose();
            member.RevocationTimer = null;
        }

        var goal = TargetOf(member.MemberId);
        var revoke = member.Assigned.Except(goal);
        if (!revoke.IsEmpty)
        {
            member.Assigned = member.Assigned.Intersect(goal);
            member.PendingRevocation = member.PendingRevocation.Union(revoke);
            member.RevocationTimer ??= cluster.TimeProvider.CreateTimer(
                static state => ((MemberExpiry)state!).Fire(), new MemberExpiry(this, member), TimeSpan.FromMilliseconds(member.RebalanceTimeoutMs), Timeout.InfiniteTimeSpan);
            return;
        }

        if (!member.PendingRevocation.IsEmpty)
        {
            return;
        }

        var heldByOthers = new TopicPartitionSet(members.Values.Where(m => m != member).SelectMany(m => m.Assigned.Items.Concat(m.PendingRevocation.Items)));
        var gained = goal.Except(member.Assigned).Except(heldByOthers);
        member.Assigned = member.Assigned.Union(gained);
        if (member.MemberEpoch != AssignmentEpoch)
        {
            member.PreviousMemberEpoch = member.MemberEpoch;
            member.MemberEpoch = AssignmentEpoch;
        }
    }
}

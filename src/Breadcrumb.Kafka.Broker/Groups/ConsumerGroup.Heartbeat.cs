using System.Text.RegularExpressions;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;

namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>ConsumerGroupHeartbeat: join (epoch 0), leave (-1/-2), subscription changes, and the step-wise reconciliation.</summary>
internal sealed partial class ConsumerGroup
{
    private const int LeaveEpoch = -1;
    private const int StaticLeaveEpoch = -2;

    public ConsumerGroupHeartbeatResponse Heartbeat(ConsumerGroupHeartbeatRequest request, short version, string clientId, string clientHost)
    {
        var response = new ConsumerGroupHeartbeatResponse { HeartbeatIntervalMs = (int)options.ConsumerHeartbeatInterval.TotalMilliseconds };
        ConsumerMember member;
        if (request.MemberEpoch == 0)
        {
            if (Join(request, version) is { } joinError)
            {
                return Fail(response, joinError.Error, joinError.Message);
            }

            member = members[request.MemberId.Length > 0 ? request.MemberId : newestMemberId!];
        }
        else if (!members.TryGetValue(request.MemberId, out member!))
        {
            return Fail(response, ErrorCode.UnknownMemberId, $"Member {request.MemberId} is not in group {GroupId}.");
        }
        else if (request.MemberEpoch is LeaveEpoch or StaticLeaveEpoch)
        {
            RemoveMember(member);
            response.MemberId = member.MemberId;
            response.MemberEpoch = request.MemberEpoch;
            return response;
        }
        else if (request.MemberEpoch != member.MemberEpoch && !(request.MemberEpoch == member.PreviousMemberEpoch && OwnsOnlyAssigned(member, request)))
        {
            return Fail(response, ErrorCode.FencedMemberEpoch, $"Member epoch {request.MemberEpoch} is not the member's epoch {member.MemberEpoch}.");
        }

        member.ClientId = clientId;
        member.ClientHost = clientHost;
        if (UpdateSubscription(member, request) is { } subscriptionError)
        {
            return Fail(response, subscriptionError.Error, subscriptionError.Message);
        }

        RefreshTarget();
        Reconcile(member, request.TopicPartitions);
        TouchSession(member);
        response.MemberId = member.MemberId;
        response.MemberEpoch = member.MemberEpoch;
        var key = member.Assigned.Key;
        if (request.MemberEpoch == 0 || key != member.LastSentAssignment)
        {
            member.LastSentAssignment = key;
            response.Assignment = new ConsumerGroupHeartbeatResponse.NewAssignment
            {
                TopicPartitions = [.. member.Assigned.ByTopic.Select(t => new ConsumerGroupHeartbeatResponse.AssignedTopicPartitions { TopicId = t.TopicId, Partitions = [.. t.Partitions] })],
            };
        }

        return response;
    }

    private string? newestMemberId;

    private (ErrorCode Error, string Message)? Join(ConsumerGroupHeartbeatRequest request, short version)
    {
        if (version >= 1 && request.MemberId.Length == 0)
        {
            return (ErrorCode.InvalidRequest, "From version 1 the member picks its member id (KIP-1082); it cannot be empty.");
        }

        if (request.SubscribedTopicNames is null && request.SubscribedTopicRegex is null)
        {
            return (ErrorCode.InvalidRequest, "A joining member must subscribe to topic names or a regular expression.");
        }

        if (request.RebalanceTimeoutMs < 0)
        {
            return (ErrorCode.InvalidRequest, "A joining member must give its rebalance timeout.");
        }

        var memberId = request.MemberId.Length > 0 ? request.MemberId : Guid.NewGuid().ToString("N");
        if (request.InstanceId is { } instanceId && members.Values.FirstOrDefault(m => m.InstanceId == instanceId) is { } previous && previous.MemberId != memberId)
        {
            // A static member came back: the new member id takes over its place and assignment.
            members.Remove(previous.MemberId);
            previous.SessionTimer?.Dispose();
            previous.RevocationTimer?.Dispose();
            var replacement = new ConsumerMember(memberId) { InstanceId = instanceId, Assigned = previous.Assigned, MemberEpoch = previous.MemberEpoch };
            if (target.Remove(previous.MemberId, out var kept))
            {
                target[memberId] = kept;
            }

            members[memberId] = replacement;
        }
        else if (!members.ContainsKey(memberId))
        {
            members[memberId] = new ConsumerMember(memberId) { InstanceId = request.InstanceId };
            GroupEpoch++;
        }

        newestMemberId = memberId;
        return null;
    }

    private (ErrorCode Error, string Message)? UpdateSubscription(ConsumerMember member, ConsumerGroupHeartbeatRequest request)
    {
        var changed = false;
        if (request.ServerAssignor is { } assignor)
        {
            if (!PartitionAssignors.IsKnown(assignor))
            {
                return (ErrorCode.UnsupportedAssignor, $"Assignor '{assignor}' is not one this broker has (uniform, range).");
            }

            changed |= member.ServerAssignor != assignor;
            member.ServerAssignor = assignor;
        }

        if (request.SubscribedTopicRegex is { } regex)
        {
            try
            {
                _ = new Regex(regex, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                return (ErrorCode.InvalidRegularExpression, $"Invalid regular expression '{regex}': {e.Message}");
            }

            changed |= member.SubscribedTopicRegex != regex;
            member.SubscribedTopicRegex = regex.Length == 0 ? null : regex;
        }

        if (request.SubscribedTopicNames is { } names)
        {
            changed |= !member.SubscribedTopicNames.Order(StringComparer.Ordinal).SequenceEqual(names.Order(StringComparer.Ordinal));
            member.SubscribedTopicNames = [.. names];
        }

        member.RackId = request.RackId ?? member.RackId;
        if (request.RebalanceTimeoutMs >= 0)
        {
            member.RebalanceTimeoutMs = request.RebalanceTimeoutMs;
        }

        if (changed)
        {
            GroupEpoch++;
        }

        return null;
    }

    private static bool OwnsOnlyAssigned(ConsumerMember member, ConsumerGroupHeartbeatRequest request) =>
        request.TopicPartitions is null || request.TopicPartitions.All(t => t.Partitions.All(p => member.Assigned.Contains(t.TopicId, p)));

    private static ConsumerGroupHeartbeatResponse Fail(ConsumerGroupHeartbeatResponse response, ErrorCode error, string message)
    {
        response.ErrorCode = (short)error;
        response.ErrorMessage = message;
        return response;
    }
}

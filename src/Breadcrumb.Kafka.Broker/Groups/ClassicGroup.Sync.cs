using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;

namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>The sync phase: followers wait for the leader's assignments; the leader's SyncGroup makes the group Stable.</summary>
internal sealed partial class ClassicGroup
{
    public Task<SyncGroupResponse> SyncMember(
        string memberId, string? instanceId, int generationId, string? protocolType, string? protocolName, IReadOnlyList<(string MemberId, byte[] Assignment)> assignments)
    {
        if (CheckMember(memberId, instanceId) is { } error)
        {
            return Task.FromResult(new SyncGroupResponse { ErrorCode = (short)error });
        }

        if (generationId != GenerationId)
        {
            return Task.FromResult(new SyncGroupResponse { ErrorCode = (short)ErrorCode.IllegalGeneration });
        }

        if ((protocolType is not null && protocolType != DeclaredProtocolType) || (protocolName is not null && protocolName != ProtocolName))
        {
            return Task.FromResult(new SyncGroupResponse { ErrorCode = (short)ErrorCode.InconsistentGroupProtocol });
        }

        var member = Find(memberId)!;
        TouchSession(member);
        switch (State)
        {
            case ClassicGroupState.CompletingRebalance:
                member.PendingSync?.TrySetResult(new SyncGroupResponse { ErrorCode = (short)ErrorCode.RebalanceInProgress });
                member.PendingSync = new TaskCompletionSource<SyncGroupResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
                var waiting = member.PendingSync.Task;
                if (memberId == LeaderId)
                {
                    CompleteSync(assignments);
                }

                return waiting;
            case ClassicGroupState.Stable:
                return Task.FromResult(SyncAnswer(member));
            default:
                return Task.FromResult(new SyncGroupResponse { ErrorCode = (short)ErrorCode.RebalanceInProgress });
        }
    }

    private void CompleteSync(IReadOnlyList<(string MemberId, byte[] Assignment)> assignments)
    {
        foreach (var member in members)
        {
            member.Assignment = assignments.FirstOrDefault(a => a.MemberId == member.MemberId).Assignment ?? [];
        }

        State = ClassicGroupState.Stable;
        foreach (var member in members)
        {
            member.PendingSync?.TrySetResult(SyncAnswer(member));
            member.PendingSync = null;
        }
    }

    private SyncGroupResponse SyncAnswer(ClassicMember member) => new()
    {
        ProtocolType = DeclaredProtocolType,
        ProtocolName = ProtocolName,
        Assignment = member.Assignment,
    };
}

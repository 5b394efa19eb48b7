using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;

namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>What a JoinGroup brings: the member, its timeouts and the protocols it offers.</summary>
internal sealed record JoinInput(
    string MemberId, string? GroupInstanceId, string ClientId, string ClientHost, int SessionTimeoutMs, int RebalanceTimeoutMs,
    string ProtocolType, List<(string Name, byte[] Metadata)> Protocols, bool RequireKnownMemberId);

/// <summary>The join phase: new and returning members, the wait for all of them, and the end of the phase.</summary>
internal sealed partial class ClassicGroup
{
    public Task<JoinGroupResponse> Join(JoinInput input)
    {
        if (State == ClassicGroupState.Dead)
        {
            return Failed(ErrorCode.CoordinatorNotAvailable, input.MemberId);
        }

        if (members.Count > 0 && (input.ProtocolType != DeclaredProtocolType || !input.Protocols.Any(p => members.All(m => m.MetadataFor(p.Name) is not null))))
        {
            return Failed(ErrorCode.InconsistentGroupProtocol, input.MemberId);
        }

        if (input.MemberId.Length == 0)
        {
            return JoinUnknown(input);
        }

        if (pendingMembers.Remove(input.MemberId, out var pendingTimer))
        {
            pendingTimer.Dispose();
            return AddAndRebalance(input, input.MemberId);
        }

        if (CheckMember(input.MemberId, input.GroupInstanceId) is { } error)
        {
            return Failed(error, input.MemberId);
        }

        return Rejoin(Find(input.MemberId)!, input);
    }

    private Task<JoinGroupResponse> JoinUnknown(JoinInput input)
    {
        var memberId = $"{(input.ClientId.Length > 0 ? input.ClientId : "member")}-{Guid.NewGuid()}";
        if (input.GroupInstanceId is { } instanceId && members.Find(m => m.GroupInstanceId == instanceId) is { } known)
        {
            // A static member came back under a new member id: the old id is fenced, its place and assignment kept.
            known.PendingJoin?.TrySetResult(new JoinGroupResponse { ErrorCode = (short)ErrorCode.FencedInstanceId, MemberId = known.MemberId });
            known.PendingJoin = null;
            known.PendingSync?.TrySetResult(new SyncGroupResponse { ErrorCode = (short)ErrorCode.FencedInstanceId });
            known.PendingSync = null;
            if (LeaderId == known.MemberId)
            {
                LeaderId = memberId;
            }

            known.MemberId = memberId;
            return Rejoin(known, input with { MemberId = memberId });
        }

        if (input.RequireKnownMemberId && input.GroupInstanceId is null)
        {
            // KIP-394: hand out the member id first; the member joins again with it.
            var timer = time.CreateTimer(static state => ((PendingExpiry)state!).Fire(), new PendingExpiry(this, memberId),
                TimeSpan.FromMilliseconds(input.SessionTimeoutMs), Timeout.InfiniteTimeSpan);
            pendingMembers[memberId] = timer;
            return Failed(ErrorCode.MemberIdRequired, memberId);
        }

        return AddAndRebalance(input, memberId);
    }

    private Task<JoinGroupResponse> AddAndRebalance(JoinInput input, string memberId)
    {
        var member = new ClassicMember(memberId, input.GroupInstanceId, input.ClientId, input.ClientHost);
        Update(member, input);
        members.Add(member);
        DeclaredProtocolType ??= input.ProtocolType;
        var waiting = Wait(member);
        if (State != ClassicGroupState.PreparingRebalance)
        {
            PrepareRebalance();
        }

        TryCompleteJoin();
        return waiting;
    }

    private Task<JoinGroupResponse> Rejoin(ClassicMember member, JoinInput input)
    {
        var changed = !member.SameProtocols(input.Protocols);
        Update(member, input);
        switch (State)
        {
            case ClassicGroupState.PreparingRebalance:
                var waiting = Wait(member);
                TryCompleteJoin();
                return waiting;
            case ClassicGroupState.CompletingRebalance or ClassicGroupState.Stable when !changed && member.MemberId != LeaderId:
                // Nothing changed for a follower: it gets the current generation again, no rebalance.
                TouchSession(member);
                return Task.FromResult(JoinAnswer(member, includeMembers: false));
            default:
                var rejoining = Wait(member);
                PrepareRebalance();
                TryCompleteJoin();
                return rejoining;
        }
    }

    private static void Update(ClassicMember member, JoinInput input)
    {
        member.ClientId = input.ClientId;
        member.ClientHost = input.ClientHost;
        member.SessionTimeoutMs = input.SessionTimeoutMs;
        member.RebalanceTimeoutMs = input.RebalanceTimeoutMs;
        member.ProtocolType = input.ProtocolType;
        member.Protocols = input.Protocols;
    }

    private static Task<JoinGroupResponse> Wait(ClassicMember member)
    {
        member.PendingJoin?.TrySetResult(new JoinGroupResponse { ErrorCode = (short)ErrorCode.RebalanceInProgress, MemberId = member.MemberId });
        member.PendingJoin = new TaskCompletionSource<JoinGroupResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        member.SessionTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return member.PendingJoin.Task;
    }

    private void PrepareRebalance()
    {
        var wasEmpty = State == ClassicGroupState.Empty;
        if (State == ClassicGroupState.CompletingRebalance)
        {
            foreach (var m in members)
            {
                m.PendingSync?.TrySetResult(new SyncGroupResponse { ErrorCode = (short)ErrorCode.RebalanceInProgress });
                m.PendingSync = null;
            }
        }

        State = ClassicGroupState.PreparingRebalance;
        joinDeadline?.Dispose();
        var rebalanceTimeout = members.Count == 0 ? 0 : members.Max(m => m.RebalanceTimeoutMs);
        initialDelayRunning = wasEmpty && options.InitialRebalanceDelay > TimeSpan.Zero;
        var wait = initialDelayRunning ? options.InitialRebalanceDelay : TimeSpan.FromMilliseconds(Math.Max(0, rebalanceTimeout));
        joinDeadline = time.CreateTimer(static state => ((ClassicGroup)state!).JoinDeadlinePassed(), this, wait, Timeout.InfiniteTimeSpan);
    }

    private void JoinDeadlinePassed()
    {
        lock (Sync)
        {
            if (State != ClassicGroupState.PreparingRebalance)
            {
                return;
            }

            initialDelayRunning = false;
            CompleteJoin();
        }
    }

    private void TryCompleteJoin()
    {
        if (State == ClassicGroupState.PreparingRebalance && !initialDelayRunning && pendingMembers.Count == 0 && members.All(m => m.PendingJoin is not null))
        {
            CompleteJoin();
        }
    }

    private void CompleteJoin()
    {
        joinDeadline?.Dispose();
        joinDeadline = null;
        foreach (var late in members.Where(m => m.PendingJoin is null).ToList())
        {
            RemoveMember(late, ErrorCode.UnknownMemberId);
        }

        GenerationId++;
        if (members.Count == 0)
        {
            State = ClassicGroupState.Empty;
            ProtocolName = null;
            DeclaredProtocolType = null;
            LeaderId = null;
            return;
        }

        ProtocolName = SelectProtocol();
        LeaderId = LeaderId is { } leader && Find(leader) is not null ? leader : members[0].MemberId;
        State = ClassicGroupState.CompletingRebalance;
        foreach (var member in members)
        {
            member.Assignment = [];
            var join = member.PendingJoin!;
            member.PendingJoin = null;
            StartSession(member);
            join.TrySetResult(JoinAnswer(member, includeMembers: member.MemberId == LeaderId));
        }
    }

    /// <summary>Picks the protocol every member supports that most members prefer (their first choice among those).</summary>
    private string SelectProtocol()
    {
        var candidates = members[0].Protocols.Select(p => p.Name).Where(n => members.All(m => m.MetadataFor(n) is not null)).ToList();
        return candidates
            .Select(c => (Name: c, Votes: members.Count(m => m.Protocols.First(p => candidates.Contains(p.Name)).Name == c)))
            .OrderByDescending(c => c.Votes)
            .First().Name;
    }

    private JoinGroupResponse JoinAnswer(ClassicMember member, bool includeMembers) => new()
    {
        GenerationId = GenerationId,
        ProtocolType = DeclaredProtocolType,
        ProtocolName = ProtocolName,
        Leader = LeaderId ?? "",
        MemberId = member.MemberId,
        Members = includeMembers
            ? [.. members.Select(m => new JoinGroupResponse.JoinedMember { MemberId = m.MemberId, GroupInstanceId = m.GroupInstanceId, Metadata = m.MetadataFor(ProtocolName!) ?? [] })]
            : [],
    };

    private static Task<JoinGroupResponse> Failed(ErrorCode error, string memberId) =>
        Task.FromResult(new JoinGroupResponse { ErrorCode = (short)error, MemberId = memberId, ProtocolName = null });

    /// <summary>Forgets a member id handed out with MEMBER_ID_REQUIRED that never came back.</summary>
    private sealed class PendingExpiry(ClassicGroup group, string memberId)
    {
        public void Fire()
        {
            lock (group.Sync)
            {
                if (group.pendingMembers.Remove(memberId, out var timer))
                {
                    timer.Dispose();
                    group.TryCompleteJoin();
                }
            }
        }
    }
}

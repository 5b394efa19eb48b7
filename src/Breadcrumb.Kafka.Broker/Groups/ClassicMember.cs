using Breadcrumb.Kafka.Broker.Protocol.Messages;

namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>A member of a classic group: what it offered at its last join, its assignment, and what it waits for.</summary>
internal sealed class ClassicMember(string memberId, string? groupInstanceId, string clientId, string clientHost)
{
    public string MemberId { get; set; } = memberId;

    public string? GroupInstanceId { get; } = groupInstanceId;

    public string ClientId { get; set; } = clientId;

    public string ClientHost { get; set; } = clientHost;

    public int SessionTimeoutMs { get; set; }

    public int RebalanceTimeoutMs { get; set; }

    public string ProtocolType { get; set; } = "";

    /// <summary>Gets or sets the protocols the member supports, in its order of preference, with its metadata for each.</summary>
    public List<(string Name, byte[] Metadata)> Protocols { get; set; } = [];

    public byte[] Assignment { get; set; } = [];

    /// <summary>Gets or sets the JoinGroup waiting for the join phase to end; null when the member has not (re)joined.</summary>
    public TaskCompletionSource<JoinGroupResponse>? PendingJoin { get; set; }

    /// <summary>Gets or sets the SyncGroup waiting for the leader's assignment.</summary>
    public TaskCompletionSource<SyncGroupResponse>? PendingSync { get; set; }

    /// <summary>Gets or sets the timer that removes the member when it sends nothing for its session timeout.</summary>
    public ITimer? SessionTimer { get; set; }

    public byte[]? MetadataFor(string protocol) => Protocols.FirstOrDefault(p => p.Name == protocol).Metadata;

    public bool SameProtocols(List<(string Name, byte[] Metadata)> other) =>
        Protocols.Count == other.Count && Protocols.Zip(other).All(p => p.First.Name == p.Second.Name && p.First.Metadata.AsSpan().SequenceEqual(p.Second.Metadata));
}

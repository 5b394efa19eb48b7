namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>A member of a consumer-protocol group (KIP-848): its subscription, epoch, and what it was given and must give back.</summary>
internal sealed class ConsumerMember(string memberId)
{
    public string MemberId { get; } = memberId;

    public string? InstanceId { get; set; }

    public string? RackId { get; set; }

    public string ClientId { get; set; } = "";

    public string ClientHost { get; set; } = "";

    public int RebalanceTimeoutMs { get; set; } = 300_000;

    public List<string> SubscribedTopicNames { get; set; } = [];

    public string? SubscribedTopicRegex { get; set; }

    public string? ServerAssignor { get; set; }

    public int MemberEpoch { get; set; }

    public int PreviousMemberEpoch { get; set; } = -1;

    /// <summary>Gets or sets the partitions the member was given and may consume.</summary>
    public TopicPartitionSet Assigned { get; set; } = new();

    /// <summary>Gets or sets the partitions the member was told to give up and has not yet confirmed giving up.</summary>
    public TopicPartitionSet PendingRevocation { get; set; } = new();

    /// <summary>Gets or sets the assignment last sent, so an unchanged one is not sent again.</summary>
    public string? LastSentAssignment { get; set; }

    public ITimer? SessionTimer { get; set; }

    public ITimer? RevocationTimer { get; set; }
}

namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>What every group has, whichever protocol its members speak: an id, a lock, committed offsets.</summary>
internal abstract class GroupBase(string groupId, GroupOffsets? offsets = null)
{
    public string GroupId { get; } = groupId;

    public Lock Sync { get; } = new();

    public GroupOffsets Offsets { get; } = offsets ?? new();

    /// <summary>Gets the group's type as ListGroups v5 names it: "classic" or "consumer".</summary>
    public abstract string GroupType { get; }

    /// <summary>Gets the protocol type ("consumer" for consumer groups, or what classic members declared).</summary>
    public abstract string ProtocolType { get; }

    /// <summary>Gets the state's name as DescribeGroups and ListGroups print it.</summary>
    public abstract string StateName { get; }

    /// <summary>Gets whether the group has no members (and may be deleted, or take simple offset commits).</summary>
    public abstract bool IsEmpty { get; }

    /// <summary>Gets whether a member of the group is subscribed to (or assigned) the topic.</summary>
    public abstract bool IsSubscribedTo(string topic);
}

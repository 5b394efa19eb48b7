using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.ConsumerGroups;

/// <summary>Section H's knobs.</summary>
public sealed record ConsumerGroupsOptions
{
    /// <summary>Gets which records the consumers keep; null keeps all (a filter that drops some makes the section report them missing).</summary>
    public IRecordFilter? Keep { get; init; }

    /// <summary>Gets the longest wait for a group to read what was produced for it.</summary>
    public TimeSpan ConsumeDeadline { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets how long a group may read nothing new (once it read something) before the wait gives up on the rest; see <see cref="GroupTracker.RebalanceAllowance"/>.</summary>
    public TimeSpan GroupIdle { get; init; } = GroupTracker.RebalanceAllowance;
}

using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.ConsumerGroups;

/// <summary>Section H's knobs.</summary>
public sealed record ConsumerGroupsOptions
{
    /// <summary>Gets which records the consumers keep; null keeps all (a filter that drops some makes the section report them missing).</summary>
    public IRecordFilter? Keep { get; init; }

    /// <summary>Gets the longest wait for a group to read what was produced for it.</summary>
    public TimeSpan ConsumeDeadline { get; init; } = TimeSpan.FromSeconds(60);
}

namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// Settles a group's final assignment: what each member held when the group stopped, that is just before its first
/// member closed. Members close one after another, and once one leaves, the broker hands its partitions to members
/// still closing; those late takeovers are not the group's assignment. Pure: it reads the members' timelines, which
/// must share one origin (<see cref="ThreadClock"/>).
/// </summary>
public static class GroupAssignment
{
    /// <summary>Returns the members with <see cref="ConsumerReport.Partitions"/> set to what each held just before the group's first close.</summary>
    /// <param name="members">The members of one group, their timelines on one clock.</param>
    /// <returns>The members, in the same order.</returns>
    public static IReadOnlyList<ConsumerReport> AtFirstClose(IReadOnlyList<ConsumerReport> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var firstClose = members.SelectMany(m => m.History).Where(h => h.Change == ConsumerReport.ClosedChange).Select(h => h.Seconds)
            .DefaultIfEmpty(double.PositiveInfinity).Min();
        return [.. members.Select(m => m with
        {
            Partitions = double.IsPositiveInfinity(firstClose)
                ? m.Partitions
                : m.History.LastOrDefault(h => h.Seconds < firstClose && h.Change != ConsumerReport.ClosedChange)?.Held ?? [],
        })];
    }
}

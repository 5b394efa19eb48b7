namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// Settles a group's final assignment: what each member held when the group stopped, that is just before its first
/// member closed. Once a member leaves, the broker hands its partitions to the members still closing, so a member's own
/// last holding can include a partner's partitions. Pure: it reads the members' assignment timelines.
/// </summary>
public static class GroupAssignment
{
    /// <summary>Returns the members with <see cref="ConsumerReport.Partitions"/> set to what each held just before the group's first close.</summary>
    /// <param name="members">The members of one group, started together (their timelines share an origin to within milliseconds).</param>
    /// <returns>The members, in the same order.</returns>
    public static IReadOnlyList<ConsumerReport> AtFirstClose(IReadOnlyList<ConsumerReport> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var firstClose = members.SelectMany(m => m.History).Where(h => h.Change == ConsumerReport.ClosedChange).Select(h => h.Seconds).DefaultIfEmpty(double.PositiveInfinity).Min();
        return [.. members.Select(m => m with
        {
            Partitions = double.IsPositiveInfinity(firstClose)
                ? m.Partitions
                : m.History.LastOrDefault(h => h.Seconds < firstClose && h.Change != ConsumerReport.ClosedChange)?.Held ?? [],
        })];
    }
}

namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// One consumer group reading a topic in one step of a section (E, H): its members, the record ids they read and the
/// ids they should have read. <see cref="Check"/> is a pure function of these figures.
/// </summary>
/// <param name="Step">The lab step.</param>
/// <param name="Group">The consumer group.</param>
/// <param name="TopicPartitions">The partitions the topic has.</param>
/// <param name="Members">The group's consumers.</param>
/// <param name="Reads">Records the members kept, duplicates included.</param>
/// <param name="ConsumedIds">The distinct record ids (partition and offset) the members kept.</param>
/// <param name="ExpectedIds">The record ids the group should read: what the producers delivered for this step.</param>
public sealed record GroupRun(
    string Step,
    string Group,
    int TopicPartitions,
    IReadOnlyList<ConsumerReport> Members,
    long Reads,
    IReadOnlyList<OffsetRange> ConsumedIds,
    IReadOnlyList<OffsetRange> ExpectedIds)
{
    /// <summary>Gets the record ids the group should have read but did not.</summary>
    public long Missing => OffsetRanges.Count(OffsetRanges.Except(ExpectedIds, ConsumedIds));

    /// <summary>Gets the records the group read more than once (reads beyond the distinct ids).</summary>
    public long ReadTwice => Reads - OffsetRanges.Count(ConsumedIds);

    /// <summary>Gets the record ids read that the step did not produce.</summary>
    public long Unexpected => OffsetRanges.Count(OffsetRanges.Except(ConsumedIds, ExpectedIds));

    /// <summary>Gets the criteria <see cref="Check"/> applies, for reports.</summary>
    public static IReadOnlyList<string> Criteria { get; } =
    [
        "within a group the members' final assignments are disjoint and together cover every partition of the topic",
        "no record id (partition and offset) is consumed twice within a group",
        "each group consumes every record produced for it once: no id missing, none extra",
    ];

    /// <summary>Returns what this group breaks, as sentences.</summary>
    /// <returns>One sentence per broken invariant; empty when all hold.</returns>
    public IReadOnlyList<string> Check()
    {
        var broken = new List<string>();
        var label = $"{Step} {Group}";
        for (var i = 0; i < Members.Count; i++)
        {
            for (var j = i + 1; j < Members.Count; j++)
            {
                var both = Members[i].Partitions.Intersect(Members[j].Partitions).Order().ToList();
                if (both.Count > 0)
                {
                    broken.Add($"{label}: {Members[i].Name} and {Members[j].Name} both ended holding partition(s) {string.Join(", ", both)}.");
                }
            }
        }

        var uncovered = Enumerable.Range(0, TopicPartitions).Except(Members.SelectMany(m => m.Partitions)).ToList();
        if (uncovered.Count > 0)
        {
            broken.Add($"{label}: no member held partition(s) {string.Join(", ", uncovered)} at the end.");
        }

        if (ReadTwice > 0)
        {
            broken.Add($"{label}: {ReadTwice} records were consumed twice within the group.");
        }

        if (Missing > 0 || Unexpected > 0)
        {
            broken.Add($"{label}: {OffsetRanges.Count(ExpectedIds)} records were produced for the group; it missed {Missing} and read {Unexpected} others.");
        }

        return broken;
    }
}

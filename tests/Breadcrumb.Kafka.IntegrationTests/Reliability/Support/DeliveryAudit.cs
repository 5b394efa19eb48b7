namespace Breadcrumb.Kafka.IntegrationTests.Reliability.Support;

/// <summary>Compares what a reader found with the ids that were sent: lost, duplicated, unexpected, out of order.</summary>
internal sealed record DeliveryAudit(
    long Expected, long Read, IReadOnlyList<long> Lost, IReadOnlyList<long> Duplicated, IReadOnlyList<long> Unexpected, IReadOnlyList<string> OrderBreaks)
{
    public bool ExactlyOnceInOrder => Lost.Count == 0 && Duplicated.Count == 0 && Unexpected.Count == 0 && OrderBreaks.Count == 0;

    /// <summary>Audits <paramref name="seen"/> against <paramref name="expectedIds"/>; order means ids ascend by offset in each partition.</summary>
    public static DeliveryAudit Of(IReadOnlyCollection<long> expectedIds, IReadOnlyList<TopicReader.Seen> seen)
    {
        var expected = expectedIds.ToHashSet();
        var counts = seen.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.Count());
        var orderBreaks = new List<string>();
        foreach (var partition in seen.GroupBy(s => s.Partition))
        {
            TopicReader.Seen? previous = null;
            foreach (var record in partition.OrderBy(s => s.Offset))
            {
                if (previous is not null && record.Id <= previous.Id)
                {
                    orderBreaks.Add($"[{record.Partition}] id {record.Id} @{record.Offset} after id {previous.Id} @{previous.Offset}");
                }

                previous = record;
            }
        }

        return new DeliveryAudit(
            expected.Count,
            seen.Count,
            [.. expected.Where(id => !counts.ContainsKey(id)).Order()],
            [.. counts.Where(c => c.Value > 1).Select(c => c.Key).Order()],
            [.. counts.Keys.Where(id => !expected.Contains(id)).Order()],
            orderBreaks);
    }

    public override string ToString() =>
        $"expected {Expected}, read {Read}: {Lost.Count} lost {Sample(Lost)}, {Duplicated.Count} duplicated {Sample(Duplicated)}, "
        + $"{Unexpected.Count} unexpected {Sample(Unexpected)}, {OrderBreaks.Count} order breaks {string.Join("; ", OrderBreaks.Take(3))}";

    private static string Sample(IReadOnlyList<long> ids) => ids.Count == 0 ? string.Empty : $"({string.Join(", ", ids.Take(5))}{(ids.Count > 5 ? ", …" : string.Empty)})";
}

namespace Breadcrumb.Kafka.Samples;

/// <summary>Set operations on record ids (partition and offset) kept as ranges. Pure.</summary>
public static class OffsetRanges
{
    /// <summary>Compresses record ids into sorted, merged ranges (duplicates collapse).</summary>
    /// <param name="ids">The ids.</param>
    /// <returns>The ranges, by partition then offset.</returns>
    public static IReadOnlyList<OffsetRange> From(IEnumerable<(int Partition, long Offset)> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var ranges = new List<OffsetRange>();
        foreach (var group in ids.Distinct().GroupBy(i => i.Partition).OrderBy(g => g.Key))
        {
            long? from = null;
            long to = 0;
            foreach (var offset in group.Select(i => i.Offset).Order())
            {
                if (from is not null && offset == to + 1)
                {
                    to = offset;
                    continue;
                }

                if (from is { } f)
                {
                    ranges.Add(new OffsetRange(group.Key, f, to));
                }

                (from, to) = (offset, offset);
            }

            if (from is { } last)
            {
                ranges.Add(new OffsetRange(group.Key, last, to));
            }
        }

        return ranges;
    }

    /// <summary>Counts the ids of a set of ranges.</summary>
    /// <param name="ranges">Merged ranges, as <see cref="From"/> returns them.</param>
    /// <returns>The number of ids.</returns>
    public static long Count(IEnumerable<OffsetRange> ranges) => ranges?.Sum(r => r.Count) ?? 0;

    /// <summary>Returns the ids of <paramref name="left"/> that are not in <paramref name="right"/>.</summary>
    /// <param name="left">Merged ranges.</param>
    /// <param name="right">Merged ranges.</param>
    /// <returns>The difference, as merged ranges.</returns>
    public static IReadOnlyList<OffsetRange> Except(IReadOnlyList<OffsetRange> left, IReadOnlyList<OffsetRange> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var result = new List<OffsetRange>();
        foreach (var range in left)
        {
            var pieces = new List<(long From, long To)> { (range.From, range.To) };
            foreach (var cut in right.Where(r => r.Partition == range.Partition))
            {
                pieces = [.. pieces.SelectMany(p => Cut(p, cut))];
            }

            result.AddRange(pieces.Select(p => new OffsetRange(range.Partition, p.From, p.To)));
        }

        return result;
    }

    private static IEnumerable<(long From, long To)> Cut((long From, long To) piece, OffsetRange cut)
    {
        if (cut.To < piece.From || cut.From > piece.To)
        {
            yield return piece;
            yield break;
        }

        if (cut.From > piece.From)
        {
            yield return (piece.From, cut.From - 1);
        }

        if (cut.To < piece.To)
        {
            yield return (cut.To + 1, piece.To);
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// Notes every record a consumer group reads (partition and offset, duplicates included) through a filter all its
/// members share, and tells when the group has read a given set of records or gone idle, so its members can be
/// stopped together: their final assignments are then the group's assignment at one moment.
/// </summary>
public sealed class GroupTracker
{
    private readonly ConcurrentDictionary<(int Partition, long Offset), int> reads = new();
    private readonly IRecordFilter keep;
    private long total;
    private long lastRead = Stopwatch.GetTimestamp();

    /// <summary>Initializes a new instance of the <see cref="GroupTracker"/> class.</summary>
    /// <param name="keep">Which records the members keep (and report); all when null. Every record read is noted either way.</param>
    public GroupTracker(IRecordFilter? keep = null)
    {
        this.keep = keep ?? RecordFilter.Any;
        Filter = RecordFilter.Where(Note, $"{this.keep.Description}, noting each record id");
    }

    /// <summary>Gets the filter to give every member of the group.</summary>
    public IRecordFilter Filter { get; }

    /// <summary>Gets how many records the members kept, duplicates included.</summary>
    public long Reads => Interlocked.Read(ref total);

    /// <summary>Returns the distinct record ids the members kept.</summary>
    /// <returns>Merged ranges.</returns>
    public IReadOnlyList<OffsetRange> DistinctIds() => OffsetRanges.From(reads.Keys);

    /// <summary>
    /// Gets the idle wait to give <see cref="WaitAsync"/> at least: a group reads nothing while it rebalances (when a member
    /// joins after others began reading), which takes seconds on a busy machine. The wait ends at once when every expected
    /// record is read, so a long idle allowance costs time only when records are missing.
    /// </summary>
    public static TimeSpan RebalanceAllowance { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Waits until the members have kept every expected record, or read nothing new for <paramref name="idle"/>, or <paramref name="deadline"/> passed.</summary>
    /// <param name="expected">The records the group should read.</param>
    /// <param name="idle">How long without a new record (once one was read) counts as done (see <see cref="RebalanceAllowance"/>).</param>
    /// <param name="deadline">The longest wait.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Whether every expected record was read.</returns>
    public async Task<bool> WaitAsync(IReadOnlyList<OffsetRange> expected, TimeSpan idle, TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var all = expected.SelectMany(r => Enumerable.Range(0, (int)r.Count).Select(i => (r.Partition, r.From + i))).ToList();
        var pending = new HashSet<(int, long)>(all);
        bool Done()
        {
            pending.RemoveWhere(reads.ContainsKey);
            return pending.Count == 0 || (Reads > 0 && Stopwatch.GetElapsedTime(Interlocked.Read(ref lastRead)) >= idle);
        }

        await SampleWait.UntilAsync(Done, deadline, cancellationToken).ConfigureAwait(false);
        return pending.Count == 0;
    }

    private bool Note(RecordFilterInput input)
    {
        if (!keep.Matches(input))
        {
            return false;
        }

        reads.AddOrUpdate((input.Partition, input.Offset), 1, (_, n) => n + 1);
        Interlocked.Increment(ref total);
        Interlocked.Exchange(ref lastRead, Stopwatch.GetTimestamp());
        return true;
    }
}

using System.Globalization;
using System.Text;

namespace Breadcrumb.Kafka.Samples.Flush;

/// <summary>Every event of section G's runs: one row per send, delivery report, receive and flush, in ms from the run's start.</summary>
public sealed class Timeline
{
    private readonly List<TimelineEvent> events = [];

    /// <summary>Gets the events.</summary>
    public IReadOnlyList<TimelineEvent> Events => events;

    /// <summary>Adds one run's events.</summary>
    /// <param name="mode">The run.</param>
    /// <param name="sent">Send time per record index.</param>
    /// <param name="delivered">Delivery time, partition and offset per record index.</param>
    /// <param name="received">Receive time per record index.</param>
    /// <param name="flushes">Flush times.</param>
    public void Add(
        string mode,
        IReadOnlyList<double> sent,
        IReadOnlyDictionary<int, (double Ms, int Partition, long Offset)> delivered,
        IReadOnlyDictionary<int, double> received,
        IReadOnlyList<double> flushes)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(delivered);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(flushes);
        for (var i = 0; i < sent.Count; i++)
        {
            var where = delivered.TryGetValue(i, out var d) ? (d.Partition, d.Offset) : (-1, -1L);
            events.Add(new TimelineEvent(mode, "sent", i, where.Item1, where.Item2, sent[i]));
            if (delivered.ContainsKey(i))
            {
                events.Add(new TimelineEvent(mode, "delivered", i, d.Partition, d.Offset, d.Ms));
            }

            if (received.TryGetValue(i, out var r))
            {
                events.Add(new TimelineEvent(mode, "received", i, where.Item1, where.Item2, r));
            }
        }

        events.AddRange(flushes.Select(f => new TimelineEvent(mode, "flush", -1, -1, -1, f)));
    }

    /// <summary>Writes the events as CSV.</summary>
    /// <returns>The CSV text with a header line.</returns>
    public string ToCsv()
    {
        var csv = new StringBuilder("mode,event,index,partition,offset,ms\n");
        foreach (var e in events.OrderBy(e => e.Mode, StringComparer.Ordinal).ThenBy(e => e.Ms))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{e.Mode},{e.Event},{e.Index},{e.Partition},{e.Offset},{e.Ms:0.###}\n");
        }

        return csv.ToString();
    }
}


namespace Breadcrumb.Kafka.Soak;

/// <summary>Counts how often each id was read (single reader thread).</summary>
internal sealed class SeenIds(int count)
{
    private readonly byte[] times = new byte[count];

    public long Distinct { get; private set; }

    public long Duplicated { get; private set; }

    public long Unexpected { get; private set; }

    public long Lost => times.LongLength - Distinct;

    public void Add(long id)
    {
        if (id < 0 || id >= times.Length)
        {
            Unexpected++;
            return;
        }

        if (times[id] == 0)
        {
            Distinct++;
        }
        else
        {
            Duplicated++;
        }

        times[id] = (byte)Math.Min(times[id] + 1, 255);
    }
}

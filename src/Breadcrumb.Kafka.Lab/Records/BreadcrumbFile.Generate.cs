namespace Breadcrumb.Kafka.Lab;

/// <summary>Generates sample breadcrumb records.</summary>
public static partial class BreadcrumbFile
{
    /// <summary>Generates realistic breadcrumbs of one vehicle driving trips around Portland, the same for the same seed.</summary>
    /// <param name="count">How many records to generate (the lab's sample has 1000).</param>
    /// <param name="seed">Selects the vehicle, day, start time and route; the same seed gives the same records on every machine and .NET version.</param>
    /// <returns>A lazy sequence: records are made as it is enumerated, so a million of them need no memory; each enumeration starts over.</returns>
    /// <remarks>
    /// A breadcrumb every 5 seconds (sometimes 10). <c>METERS</c> and <c>ACT_TIME</c> never decrease; a new trip
    /// (<c>EVENT_NO_TRIP</c>) starts every 300–900 readings and <c>EVENT_NO_STOP</c> moves on every 10–60.
    /// Latitude stays within 45.40–45.62 and longitude within −122.80 to −122.45; <c>OPD_DATE</c> is a 2020 date such as
    /// <c>10-SEP-20</c>. As in the lab's data, <c>VELOCITY</c> and <c>DIRECTION</c> are empty on a trip's first reading and
    /// sometimes later, <c>SCHEDULE_DEVIATION</c> on its first three, and <c>RADIO_QUALITY</c> nine times in ten.
    /// For very large counts <c>ACT_TIME</c> keeps growing past 86400 (one endless day).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IEnumerable<BreadcrumbRecord> Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return GenerateCore(count, seed);
    }

    private static IEnumerable<BreadcrumbRecord> GenerateCore(int count, int seed)
    {
        // A fresh generator per enumeration, so enumerating twice gives the same records twice.
        foreach (var record in new BreadcrumbGenerator(seed).Generate(count))
        {
            yield return record;
        }
    }
}

using System.Globalization;
using System.Text.Json;
using Breadcrumb.Kafka.IntegrationTests.Support;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability.Support;

/// <summary>Breadcrumbs that carry a unique id in EVENT_NO_STOP, so a reader can tell each record from every other.</summary>
internal static class Ids
{
    public static BreadcrumbRecord Record(long id) => RawProducer.Record((int)(id % 1_000_000)) with
    {
        EventNoStop = id.ToString(CultureInfo.InvariantCulture),
    };

    public static IEnumerable<BreadcrumbRecord> Records(long from, long count)
    {
        for (var id = from; id < from + count; id++)
        {
            yield return Record(id);
        }
    }

    /// <summary>Reads the id back from a record's JSON value.</summary>
    public static long Of(ReadOnlySpan<byte> value)
    {
        var record = JsonSerializer.Deserialize(value, BreadcrumbJsonContext.Default.BreadcrumbRecord)
            ?? throw new InvalidOperationException("A consumed value is JSON null.");
        return long.Parse(record.EventNoStop, CultureInfo.InvariantCulture);
    }

    public static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}

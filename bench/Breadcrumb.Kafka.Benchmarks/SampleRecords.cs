using System.Globalization;

namespace Breadcrumb.Kafka.Benchmarks;

/// <summary>Generates breadcrumb records shaped like the lab's bcsample.json (about 300 bytes of JSON each).</summary>
internal static class SampleRecords
{
    public static BreadcrumbRecord[] Create(int count, int seed)
    {
#pragma warning disable CA5394 // Sample data, not security.
        var random = new Random(seed);
        var records = new BreadcrumbRecord[count];
        var meters = 0;
        for (var i = 0; i < count; i++)
        {
            meters += random.Next(0, 80);
            records[i] = new BreadcrumbRecord
            {
                EventNoTrip = (167589364 + (i / 500)).ToString(CultureInfo.InvariantCulture),
                EventNoStop = (167589369 + (i / 40)).ToString(CultureInfo.InvariantCulture),
                OpdDate = "10-SEP-20",
                VehicleId = "1776",
                Meters = meters.ToString(CultureInfo.InvariantCulture),
                ActTime = (21756 + (i * 5)).ToString(CultureInfo.InvariantCulture),
                Velocity = random.Next(0, 25).ToString(CultureInfo.InvariantCulture),
                Direction = random.Next(0, 360).ToString(CultureInfo.InvariantCulture),
                RadioQuality = string.Empty,
                GpsLongitude = (-122.6 - (random.NextDouble() * 0.1)).ToString("F6", CultureInfo.InvariantCulture),
                GpsLatitude = (45.5 + (random.NextDouble() * 0.14)).ToString("F6", CultureInfo.InvariantCulture),
                GpsSatellites = random.Next(6, 12).ToString(CultureInfo.InvariantCulture),
                GpsHdop = (0.7 + (random.Next(0, 10) / 10.0)).ToString("0.0", CultureInfo.InvariantCulture),
                ScheduleDeviation = random.Next(0, 3) == 0 ? string.Empty : random.Next(-1300, 100).ToString(CultureInfo.InvariantCulture),
            };
        }
#pragma warning restore CA5394

        return records;
    }
}

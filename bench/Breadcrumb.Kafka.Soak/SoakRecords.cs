using System.Globalization;

namespace Breadcrumb.Kafka.Soak;

/// <summary>Breadcrumbs with their id in EVENT_NO_STOP (and so in the key).</summary>
internal static class SoakRecords
{
    public const int ApproximateBytes = 330;

    public static IEnumerable<BreadcrumbRecord> Make(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new BreadcrumbRecord
            {
                EventNoTrip = "167589364",
                EventNoStop = i.ToString(CultureInfo.InvariantCulture),
                OpdDate = "10-SEP-20",
                VehicleId = "1776",
                Meters = (354 + (i % 100_000 * 7)).ToString(CultureInfo.InvariantCulture),
                ActTime = (21756 + (i % 10_000 * 5)).ToString(CultureInfo.InvariantCulture),
                Velocity = (i % 20).ToString(CultureInfo.InvariantCulture),
                Direction = "196",
                RadioQuality = string.Empty,
                GpsLongitude = "-122.604897",
                GpsLatitude = "45.63653",
                GpsSatellites = "9",
                GpsHdop = "0.9",
                ScheduleDeviation = "-11",
            };
        }
    }
}

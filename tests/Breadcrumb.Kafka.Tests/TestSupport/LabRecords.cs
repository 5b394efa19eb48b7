using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.TestSupport;

/// <summary>Breadcrumbs exactly as the lab's producer printed them.</summary>
internal static class LabRecords
{
    /// <summary>The lab's last record (339 bytes, 28 words), spaced like Python's json.dumps.</summary>
    public const string Json =
        """{"EVENT_NO_TRIP": "167589389", "EVENT_NO_STOP": "167589399", "OPD_DATE": "10-SEP-20", "VEHICLE_ID": "1776", "METERS": "81607", "ACT_TIME": "29171", "VELOCITY": "9", "DIRECTION": "205", "RADIO_QUALITY": "", "GPS_LONGITUDE": "-122.679773", "GPS_LATITUDE": "45.514747", "GPS_SATELLITES": "8", "GPS_HDOP": "1.1", "SCHEDULE_DEVIATION": "-1249"}""";

    /// <summary>The lab's first record, with its empty VELOCITY, DIRECTION, RADIO_QUALITY and SCHEDULE_DEVIATION.</summary>
    public const string FirstJson =
        """{"EVENT_NO_TRIP": "167589364", "EVENT_NO_STOP": "167589369", "OPD_DATE": "10-SEP-20", "VEHICLE_ID": "1776", "METERS": "354", "ACT_TIME": "21756", "VELOCITY": "", "DIRECTION": "", "RADIO_QUALITY": "", "GPS_LONGITUDE": "-122.604897", "GPS_LATITUDE": "45.63653", "GPS_SATELLITES": "9", "GPS_HDOP": "1", "SCHEDULE_DEVIATION": ""}""";

    public static BreadcrumbRecord Record { get; } = new()
    {
        EventNoTrip = "167589389",
        EventNoStop = "167589399",
        OpdDate = "10-SEP-20",
        VehicleId = "1776",
        Meters = "81607",
        ActTime = "29171",
        Velocity = "9",
        Direction = "205",
        RadioQuality = string.Empty,
        GpsLongitude = "-122.679773",
        GpsLatitude = "45.514747",
        GpsSatellites = "8",
        GpsHdop = "1.1",
        ScheduleDeviation = "-1249",
    };

    public static BreadcrumbRecord First { get; } = new()
    {
        EventNoTrip = "167589364",
        EventNoStop = "167589369",
        OpdDate = "10-SEP-20",
        VehicleId = "1776",
        Meters = "354",
        ActTime = "21756",
        GpsLongitude = "-122.604897",
        GpsLatitude = "45.63653",
        GpsSatellites = "9",
        GpsHdop = "1",
    };

    /// <summary>Reads all records of a text given as UTF-8, delivered <paramref name="chunk"/> bytes per read.</summary>
    public static async Task<List<BreadcrumbRecord>> ReadAllAsync(string text, int chunk = 65536, BreadcrumbReadOptions? options = null)
    {
        using var stream = new ChunkedStream(System.Text.Encoding.UTF8.GetBytes(text), chunk);
        var records = new List<BreadcrumbRecord>();
        await foreach (var record in BreadcrumbFile.ReadAsync(stream, "bcsample.json", options, TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        return records;
    }
}

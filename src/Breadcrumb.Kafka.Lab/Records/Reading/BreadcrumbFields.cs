using System.Text.Json;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Lists the fourteen lab fields in file order, with their UTF-8 JSON names.</summary>
internal static class BreadcrumbFields
{
    public const int Count = 14;

    public static readonly string[] Names =
    [
        "EVENT_NO_TRIP", "EVENT_NO_STOP", "OPD_DATE", "VEHICLE_ID", "METERS", "ACT_TIME", "VELOCITY",
        "DIRECTION", "RADIO_QUALITY", "GPS_LONGITUDE", "GPS_LATITUDE", "GPS_SATELLITES", "GPS_HDOP", "SCHEDULE_DEVIATION",
    ];

    public static readonly byte[][] Utf8Names = [.. Names.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>Finds the field the reader's current property name refers to, trying <paramref name="expected"/> first.</summary>
    /// <returns>The field index, or -1 for a field that is not one of the fourteen.</returns>
    public static int IndexOf(ref Utf8JsonReader reader, int expected)
    {
        if ((uint)expected < Count && reader.ValueTextEquals(Utf8Names[expected]))
        {
            return expected;
        }

        for (var i = 0; i < Count; i++)
        {
            if (reader.ValueTextEquals(Utf8Names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public static BreadcrumbRecord ToRecord(string?[] v) => new()
    {
        EventNoTrip = v[0] ?? string.Empty,
        EventNoStop = v[1] ?? string.Empty,
        OpdDate = v[2] ?? string.Empty,
        VehicleId = v[3] ?? string.Empty,
        Meters = v[4] ?? string.Empty,
        ActTime = v[5] ?? string.Empty,
        Velocity = v[6] ?? string.Empty,
        Direction = v[7] ?? string.Empty,
        RadioQuality = v[8] ?? string.Empty,
        GpsLongitude = v[9] ?? string.Empty,
        GpsLatitude = v[10] ?? string.Empty,
        GpsSatellites = v[11] ?? string.Empty,
        GpsHdop = v[12] ?? string.Empty,
        ScheduleDeviation = v[13] ?? string.Empty,
    };

    public static void CopyTo(BreadcrumbRecord r, string[] v)
    {
        v[0] = r.EventNoTrip;
        v[1] = r.EventNoStop;
        v[2] = r.OpdDate;
        v[3] = r.VehicleId;
        v[4] = r.Meters;
        v[5] = r.ActTime;
        v[6] = r.Velocity;
        v[7] = r.Direction;
        v[8] = r.RadioQuality;
        v[9] = r.GpsLongitude;
        v[10] = r.GpsLatitude;
        v[11] = r.GpsSatellites;
        v[12] = r.GpsHdop;
        v[13] = r.ScheduleDeviation;
    }
}

using System.Text.Json.Serialization;

namespace Breadcrumb.Kafka;

/// <summary>
/// Represents one TriMet vehicle breadcrumb, exactly as the lab's <c>bcsample.json</c> carries it:
/// fourteen string fields, where an empty string is a legal value (no reading).
/// </summary>
/// <remarks>
/// Serialize with <see cref="BreadcrumbJsonContext"/> (source-generated, no reflection).
/// Every property defaults to <see cref="string.Empty"/>, never <see langword="null"/>.
/// </remarks>
public sealed record BreadcrumbRecord
{
    /// <summary>Gets the trip event number (<c>EVENT_NO_TRIP</c>).</summary>
    [JsonPropertyName("EVENT_NO_TRIP")]
    public string EventNoTrip { get; init; } = string.Empty;

    /// <summary>Gets the stop event number (<c>EVENT_NO_STOP</c>).</summary>
    [JsonPropertyName("EVENT_NO_STOP")]
    public string EventNoStop { get; init; } = string.Empty;

    /// <summary>Gets the operation date, e.g. <c>10-SEP-20</c> (<c>OPD_DATE</c>).</summary>
    [JsonPropertyName("OPD_DATE")]
    public string OpdDate { get; init; } = string.Empty;

    /// <summary>Gets the vehicle identifier (<c>VEHICLE_ID</c>).</summary>
    [JsonPropertyName("VEHICLE_ID")]
    public string VehicleId { get; init; } = string.Empty;

    /// <summary>Gets the odometer reading in meters (<c>METERS</c>).</summary>
    [JsonPropertyName("METERS")]
    public string Meters { get; init; } = string.Empty;

    /// <summary>Gets the time of the reading, seconds after midnight (<c>ACT_TIME</c>).</summary>
    [JsonPropertyName("ACT_TIME")]
    public string ActTime { get; init; } = string.Empty;

    /// <summary>Gets the velocity, meters per second (<c>VELOCITY</c>).</summary>
    [JsonPropertyName("VELOCITY")]
    public string Velocity { get; init; } = string.Empty;

    /// <summary>Gets the heading in degrees (<c>DIRECTION</c>).</summary>
    [JsonPropertyName("DIRECTION")]
    public string Direction { get; init; } = string.Empty;

    /// <summary>Gets the radio quality (<c>RADIO_QUALITY</c>).</summary>
    [JsonPropertyName("RADIO_QUALITY")]
    public string RadioQuality { get; init; } = string.Empty;

    /// <summary>Gets the GPS longitude (<c>GPS_LONGITUDE</c>).</summary>
    [JsonPropertyName("GPS_LONGITUDE")]
    public string GpsLongitude { get; init; } = string.Empty;

    /// <summary>Gets the GPS latitude (<c>GPS_LATITUDE</c>).</summary>
    [JsonPropertyName("GPS_LATITUDE")]
    public string GpsLatitude { get; init; } = string.Empty;

    /// <summary>Gets the number of GPS satellites in view (<c>GPS_SATELLITES</c>).</summary>
    [JsonPropertyName("GPS_SATELLITES")]
    public string GpsSatellites { get; init; } = string.Empty;

    /// <summary>Gets the GPS horizontal dilution of precision (<c>GPS_HDOP</c>).</summary>
    [JsonPropertyName("GPS_HDOP")]
    public string GpsHdop { get; init; } = string.Empty;

    /// <summary>Gets the schedule deviation in seconds (<c>SCHEDULE_DEVIATION</c>).</summary>
    [JsonPropertyName("SCHEDULE_DEVIATION")]
    public string ScheduleDeviation { get; init; } = string.Empty;
}

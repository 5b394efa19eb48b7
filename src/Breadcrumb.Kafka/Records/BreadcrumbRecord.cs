using System.Text.Json.Serialization;

namespace Breadcrumb.Kafka;

/// <summary>
/// Represents one TriMet vehicle breadcrumb, exactly as the lab's <c>bcsample.json</c> carries it:
/// fourteen string fields, where an empty string is a legal value (no reading).
/// </summary>
/// <remarks>
/// Serialize with <see cref="BreadcrumbJsonContext"/> (source-generated, no reflection).
/// Every property defaults to <see cref="string.Empty"/>, never <see langword="null"/>. Every field is
/// <c>[JsonRequired]</c>: JSON of another shape (say <c>{"orderId":5}</c>) fails to deserialize with a
/// <see cref="System.Text.Json.JsonException"/> naming this type and the missing fields, instead of giving an empty breadcrumb.
/// </remarks>
public sealed record BreadcrumbRecord
{
    /// <summary>Gets the trip event number (<c>EVENT_NO_TRIP</c>).</summary>
    [JsonPropertyName("EVENT_NO_TRIP")]
    [JsonRequired]
    public string EventNoTrip { get; init; } = string.Empty;

    /// <summary>Gets the stop event number (<c>EVENT_NO_STOP</c>).</summary>
    [JsonPropertyName("EVENT_NO_STOP")]
    [JsonRequired]
    public string EventNoStop { get; init; } = string.Empty;

    /// <summary>Gets the operation date, e.g. <c>10-SEP-20</c> (<c>OPD_DATE</c>).</summary>
    [JsonPropertyName("OPD_DATE")]
    [JsonRequired]
    public string OpdDate { get; init; } = string.Empty;

    /// <summary>Gets the vehicle identifier (<c>VEHICLE_ID</c>).</summary>
    [JsonPropertyName("VEHICLE_ID")]
    [JsonRequired]
    public string VehicleId { get; init; } = string.Empty;

    /// <summary>Gets the odometer reading in meters (<c>METERS</c>).</summary>
    [JsonPropertyName("METERS")]
    [JsonRequired]
    public string Meters { get; init; } = string.Empty;

    /// <summary>Gets the time of the reading, seconds after midnight (<c>ACT_TIME</c>).</summary>
    [JsonPropertyName("ACT_TIME")]
    [JsonRequired]
    public string ActTime { get; init; } = string.Empty;

    /// <summary>Gets the velocity, meters per second (<c>VELOCITY</c>).</summary>
    [JsonPropertyName("VELOCITY")]
    [JsonRequired]
    public string Velocity { get; init; } = string.Empty;

    /// <summary>Gets the heading in degrees (<c>DIRECTION</c>).</summary>
    [JsonPropertyName("DIRECTION")]
    [JsonRequired]
    public string Direction { get; init; } = string.Empty;

    /// <summary>Gets the radio quality (<c>RADIO_QUALITY</c>).</summary>
    [JsonPropertyName("RADIO_QUALITY")]
    [JsonRequired]
    public string RadioQuality { get; init; } = string.Empty;

    /// <summary>Gets the GPS longitude (<c>GPS_LONGITUDE</c>).</summary>
    [JsonPropertyName("GPS_LONGITUDE")]
    [JsonRequired]
    public string GpsLongitude { get; init; } = string.Empty;

    /// <summary>Gets the GPS latitude (<c>GPS_LATITUDE</c>).</summary>
    [JsonPropertyName("GPS_LATITUDE")]
    [JsonRequired]
    public string GpsLatitude { get; init; } = string.Empty;

    /// <summary>Gets the number of GPS satellites in view (<c>GPS_SATELLITES</c>).</summary>
    [JsonPropertyName("GPS_SATELLITES")]
    [JsonRequired]
    public string GpsSatellites { get; init; } = string.Empty;

    /// <summary>Gets the GPS horizontal dilution of precision (<c>GPS_HDOP</c>).</summary>
    [JsonPropertyName("GPS_HDOP")]
    [JsonRequired]
    public string GpsHdop { get; init; } = string.Empty;

    /// <summary>Gets the schedule deviation in seconds (<c>SCHEDULE_DEVIATION</c>).</summary>
    [JsonPropertyName("SCHEDULE_DEVIATION")]
    [JsonRequired]
    public string ScheduleDeviation { get; init; } = string.Empty;
}

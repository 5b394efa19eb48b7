using System.Globalization;

namespace Breadcrumb.Kafka;

/// <summary>
/// Simulates one TriMet vehicle driving trips around Portland on one operating day, one breadcrumb every
/// 5 seconds (sometimes 10, a missed reading), the way the lab's <c>bcsample.json</c> looks.
/// </summary>
/// <remarks>
/// METERS (the odometer) and ACT_TIME (seconds after midnight) never decrease across trips; the position stays in a
/// box around downtown Portland (latitude 45.40–45.62, longitude −122.80 to −122.45). VELOCITY and DIRECTION are
/// empty on a trip's first breadcrumb and now and then; SCHEDULE_DEVIATION is empty at the start of a trip;
/// RADIO_QUALITY is mostly empty, as in the lab's data.
/// </remarks>
internal sealed class BreadcrumbGenerator(int seed)
{
    private const double MinLatitude = 45.40, MaxLatitude = 45.62, MinLongitude = -122.80, MaxLongitude = -122.45;
    private const double MetersPerDegreeLatitude = 111_320;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private SplitMix64 random = new(unchecked((ulong)seed * 0x2545F4914F6CDD1DUL + 1));
    private string vehicleId = string.Empty, opdDate = string.Empty;
    private long trip, stop;
    private int readingsLeftInTrip, readingsLeftAtStop, readingInTrip;
    private double meters, latitude, longitude, heading, speed, deviation;
    private long actTime;

    public IEnumerable<BreadcrumbRecord> Generate(int count)
    {
        StartDay();
        for (var i = 0; i < count; i++)
        {
            if (readingsLeftInTrip == 0)
            {
                StartTrip(first: i == 0);
            }

            yield return Step();
        }
    }

    private void StartDay()
    {
        vehicleId = random.Next(1001, 4600).ToString(Invariant);
        var day = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 366));
        opdDate = day.ToString("dd-MMM-yy", Invariant).ToUpperInvariant();
        trip = random.Next(167_000_000, 168_000_000);
        actTime = random.Next(4 * 3600, 7 * 3600);
        meters = random.Next(0, 500);
        latitude = MinLatitude + (random.NextDouble() * (MaxLatitude - MinLatitude));
        longitude = MinLongitude + (random.NextDouble() * (MaxLongitude - MinLongitude));
        heading = random.Next(0, 360);
    }

    private void StartTrip(bool first)
    {
        trip += random.Next(5, 30);
        stop = trip + random.Next(2, 9);
        readingsLeftInTrip = random.Next(300, 900);
        readingsLeftAtStop = random.Next(10, 60);
        readingInTrip = 0;
        speed = 0;
        deviation = random.Next(-300, 300);
        if (!first)
        {
            actTime += random.Next(60, 900); // layover at the terminus
        }
    }

    private BreadcrumbRecord Step()
    {
        var seconds = readingInTrip == 0 ? 0 : random.Chance(0.03) ? 10 : 5;
        actTime += seconds;
        speed = readingsLeftAtStop == 0 ? 0 : Math.Clamp(speed + ((random.NextDouble() - 0.4) * 4), 0, 20);
        heading = (heading + ((random.NextDouble() - 0.5) * 30) + 360) % 360;
        Move(speed * seconds);
        if (readingsLeftAtStop-- == 0)
        {
            stop += random.Next(1, 4);
            readingsLeftAtStop = random.Next(10, 60);
        }

        deviation += (random.NextDouble() - 0.5) * 10;
        var blankMotion = readingInTrip == 0 || random.Chance(0.02);
        var record = new BreadcrumbRecord
        {
            EventNoTrip = trip.ToString(Invariant),
            EventNoStop = stop.ToString(Invariant),
            OpdDate = opdDate,
            VehicleId = vehicleId,
            Meters = ((long)meters).ToString(Invariant),
            ActTime = actTime.ToString(Invariant),
            Velocity = blankMotion ? string.Empty : ((int)speed).ToString(Invariant),
            Direction = blankMotion ? string.Empty : ((int)heading).ToString(Invariant),
            RadioQuality = random.Chance(0.9) ? string.Empty : random.Next(0, 4).ToString(Invariant),
            GpsLongitude = longitude.ToString("0.######", Invariant),
            GpsLatitude = latitude.ToString("0.######", Invariant),
            GpsSatellites = random.Next(6, 13).ToString(Invariant),
            GpsHdop = (random.Next(7, 21) / 10.0).ToString("0.#", Invariant),
            ScheduleDeviation = readingInTrip < 3 || random.Chance(0.03) ? string.Empty : ((int)deviation).ToString(Invariant),
        };
        readingInTrip++;
        readingsLeftInTrip--;
        return record;
    }

    private void Move(double distance)
    {
        var radians = heading * Math.PI / 180;
        var north = distance * Math.Cos(radians) / MetersPerDegreeLatitude;
        var east = distance * Math.Sin(radians) / (MetersPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180));
        meters += distance;
        latitude += north;
        longitude += east;
        if (latitude is < MinLatitude or > MaxLatitude)
        {
            latitude = Math.Clamp(latitude, MinLatitude, MaxLatitude);
            heading = (540 - heading) % 360; // turn back north/south
        }

        if (longitude is < MinLongitude or > MaxLongitude)
        {
            longitude = Math.Clamp(longitude, MinLongitude, MaxLongitude);
            heading = (360 - heading) % 360; // turn back east/west
        }
    }
}

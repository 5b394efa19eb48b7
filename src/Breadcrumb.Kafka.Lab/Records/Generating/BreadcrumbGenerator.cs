using System.Globalization;

namespace Breadcrumb.Kafka.Lab;

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
    private static readonly string[] SmallNumbers = [.. Enumerable.Range(0, 360).Select(i => i.ToString(Invariant))];
    private static readonly string[] Hdops = [.. Enumerable.Range(0, 21).Select(i => (i / 10.0).ToString("0.#", Invariant))];

    private SplitMix64 random = new(unchecked((ulong)seed * 0x2545F4914F6CDD1DUL + 1));
    private string vehicleId = string.Empty, opdDate = string.Empty;
    private long trip, stop;
    private const double CruiseSpeed = 9; // m/s, about 32 km/h between stops
    private int readingsLeftInTrip, readingsLeftAtStop, readingInTrip, dwell;
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
        // Trip and stop events share one counter, so a new trip is numbered after every earlier stop.
        trip = Math.Max(trip, stop) + random.Next(5, 30);
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
        speed = dwell > 0 ? 0 : Math.Clamp(speed + ((CruiseSpeed - speed) * 0.3) + ((random.NextDouble() - 0.5) * 6), 0, 20);
        dwell = Math.Max(0, dwell - 1);
        heading = (heading + ((random.NextDouble() - 0.5) * 30) + 360) % 360;
        Move(speed * seconds);
        if (readingsLeftAtStop-- == 0)
        {
            stop += random.Next(1, 4);
            readingsLeftAtStop = random.Next(10, 60);
            dwell = random.Next(1, 7);
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
            Velocity = blankMotion ? string.Empty : SmallNumbers[(int)speed],
            Direction = blankMotion ? string.Empty : SmallNumbers[(int)heading],
            RadioQuality = random.Chance(0.9) ? string.Empty : SmallNumbers[random.Next(0, 4)],
            GpsLongitude = Coordinate(longitude),
            GpsLatitude = Coordinate(latitude),
            GpsSatellites = SmallNumbers[random.Next(6, 13)],
            GpsHdop = Hdops[random.Next(7, 21)],
            ScheduleDeviation = readingInTrip < 3 || random.Chance(0.03) ? string.Empty : ((int)deviation).ToString(Invariant),
        };
        readingInTrip++;
        readingsLeftInTrip--;
        return record;
    }

    // Six decimals without trailing zeros, as TriMet's export prints them (45.63653, -122.604897).
    private static string Coordinate(double degrees) => Math.Round(degrees, 6).ToString(Invariant);

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

using System.Globalization;
using System.Text.RegularExpressions;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.Records;

public sealed partial class BreadcrumbFileGenerateTests
{
    private static readonly BreadcrumbRecord[] Sample = [.. BreadcrumbFile.Generate(5000, seed: 2020)];

    [Fact]
    public void Generate_SameSeed_GivesSameRecords()
    {
        BreadcrumbFile.Generate(5000, seed: 2020).Should().Equal(Sample);
    }

    [Fact]
    public void Generate_EnumeratedTwice_StartsOver()
    {
        var sut = BreadcrumbFile.Generate(100, seed: 5);

        sut.ToList().Should().Equal(sut.ToList());
    }

    [Fact]
    public void Generate_DifferentSeeds_GiveDifferentRecords()
    {
        var other = BreadcrumbFile.Generate(5000, seed: 2021).ToList();

        other.Zip(Sample).Count(p => p.First == p.Second).Should().Be(0);
        other[0].VehicleId.Should().NotBe(Sample[0].VehicleId);
    }

    [Fact]
    public void Generate_Seed1_FirstRecordIsPinned()
    {
        // The seed's sequence is fixed by our own SplitMix64, so sample files are the same on every machine and .NET version.
        BreadcrumbFile.Generate(1, seed: 1).Single().Should().Be(new BreadcrumbRecord
        {
            EventNoTrip = "167664468",
            EventNoStop = "167664472",
            OpdDate = "24-JUN-20",
            VehicleId = "2895",
            Meters = "250",
            ActTime = "20695",
            GpsLongitude = "-122.58077",
            GpsLatitude = "45.524439",
            GpsSatellites = "10",
            GpsHdop = "1.4",
        });
    }

    [Fact]
    public void Generate_Count_GivesThatMany()
    {
        BreadcrumbFile.Generate(0, 1).Should().BeEmpty();
        BreadcrumbFile.Generate(1000, 1).Should().HaveCount(1000);
        var act = () => BreadcrumbFile.Generate(-1, 1);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Generate_OneVehicleOneDay_MetersAndTimeNeverDecrease()
    {
        Sample.Select(r => r.VehicleId).Distinct().Should().ContainSingle();
        Sample.Select(r => r.OpdDate).Distinct().Should().ContainSingle().Which.Should().MatchRegex("^[0-3][0-9]-(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)-20$");
        var meters = Sample.Select(r => long.Parse(r.Meters, CultureInfo.InvariantCulture)).ToList();
        var times = Sample.Select(r => long.Parse(r.ActTime, CultureInfo.InvariantCulture)).ToList();
        meters.Should().BeInAscendingOrder();
        times.Should().BeInAscendingOrder();
        meters[^1].Should().BeGreaterThan(meters[0] + 50_000, "a bus covers tens of kilometres in 5000 readings");
        times.Zip(times.Skip(1), (a, b) => b - a).Where(d => d < 60).Distinct().Order().Should().Equal(5, 10);
    }

    [Fact]
    public void Generate_Positions_StayAroundPortland()
    {
        Sample.Should().AllSatisfy(r =>
        {
            double.Parse(r.GpsLatitude, CultureInfo.InvariantCulture).Should().BeInRange(45.40, 45.62);
            double.Parse(r.GpsLongitude, CultureInfo.InvariantCulture).Should().BeInRange(-122.80, -122.45);
            r.GpsLatitude.Should().MatchRegex(@"^45\.\d{1,6}$");
            int.Parse(r.GpsSatellites, CultureInfo.InvariantCulture).Should().BeInRange(6, 12);
            r.GpsHdop.Should().MatchRegex(@"^[0-2](\.\d)?$");
        });
    }

    [Fact]
    public void Generate_TripsAndStops_AdvanceLikeTriMetEventNumbers()
    {
        var trips = Sample.Select(r => long.Parse(r.EventNoTrip, CultureInfo.InvariantCulture)).ToList();
        var stops = Sample.Select(r => long.Parse(r.EventNoStop, CultureInfo.InvariantCulture)).ToList();

        trips.Should().BeInAscendingOrder();
        trips.Distinct().Count().Should().BeInRange(6, 17, "a trip lasts 300 to 900 readings");
        stops.Should().BeInAscendingOrder();
        stops.Zip(trips).Should().AllSatisfy(p => p.First.Should().BeGreaterThan(p.Second));
    }

    [Fact]
    public void Generate_OptionalFields_AreSometimesEmptyLikeTheLab()
    {
        var firstOfTrip = Sample.Where((r, i) => i == 0 || r.EventNoTrip != Sample[i - 1].EventNoTrip).ToList();
        firstOfTrip.Should().AllSatisfy(r => (r.Velocity, r.Direction, r.ScheduleDeviation).Should().Be((string.Empty, string.Empty, string.Empty)));

        foreach (var field in new Func<BreadcrumbRecord, string>[] { r => r.Velocity, r => r.Direction, r => r.RadioQuality, r => r.ScheduleDeviation })
        {
            var empty = Sample.Count(r => field(r).Length == 0);
            empty.Should().BeInRange(10, 4900, "each optional field is empty sometimes, not always");
            Sample.Where(r => field(r).Length > 0).Should().AllSatisfy(r => field(r).Should().MatchRegex("^-?[0-9]+$"));
        }

        Sample.Count(r => r.RadioQuality.Length == 0).Should().BeGreaterThan(4000, "RADIO_QUALITY is mostly empty in the lab's data");
        Sample.Should().AllSatisfy(r => new[] { r.EventNoTrip, r.EventNoStop, r.OpdDate, r.VehicleId, r.Meters, r.ActTime, r.GpsLatitude, r.GpsLongitude, r.GpsSatellites, r.GpsHdop }
            .Should().NotContain(string.Empty));
    }
}

namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

internal static class TestRecords
{
    public static BreadcrumbRecord[] Make(int count, int first = 0) =>
        [.. Enumerable.Range(first, count).Select(i => new BreadcrumbRecord { EventNoTrip = $"trip-{i}", VehicleId = $"{3000 + (i % 5)}" })];
}

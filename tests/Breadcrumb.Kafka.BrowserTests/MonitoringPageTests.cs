using System.Diagnostics;
using System.Text.Json.Nodes;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Samples.Monitoring;
using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.BrowserTests;

public sealed class MonitoringPageTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    // What the page shows: the total, each partition's record count from the table, and the partition chart's data.
    private const string PageState = """
        JSON.stringify({
          total: document.getElementById('total-in').textContent,
          bytes: document.getElementById('bytes').textContent,
          rows: Object.fromEntries([...document.querySelectorAll('#partitions tbody tr')].map(r => [r.dataset.partition, Number(r.querySelector('.records').textContent)])),
          charts: typeof Chart === 'undefined' ? 0 : Object.keys(Chart.instances).length,
          chartRecords: typeof Chart === 'undefined' ? [] : Chart.getChart('partition-chart').data.datasets[0].data
        })
        """;

    [Fact(Timeout = 180_000)]
    public async Task Page_ThousandThenFiveHundredMore_ShowsTotalsAndThePartitionSplitTheBrokerReports()
    {
        var chromium = HeadlessChromium.Require();
        var ct = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(6);
        var inspector = new TopicInspector(fixture.Connection);
        await using var producer = new BreadcrumbProducer(fixture.Connection, LabPreset.Apply(new BreadcrumbProducerOptions() { Topic = topic, KeyStrategy = KeyStrategy.Random1To5(11) }));
        (await producer.ProduceAllAsync(BreadcrumbFile.Generate(1000, 3), ct)).Delivered.Should().Be(1000);
        await using var host = await MonitoringWebHost.StartAsync(fixture.Connection, topic, ["lab-group"], TimeSpan.FromMilliseconds(250), ct);
        await using var page = await HeadlessChromium.OpenAsync(chromium, host.Url, ct);

        var first = await WaitForTotalAsync(page, "1000", ct);

        var broker = (await inspector.GetStatsAsync(topic, ct)).Partitions.ToDictionary(p => p.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Messages);
        RowsOf(first).Should().Equal(broker);
        first["charts"]!.GetValue<int>().Should().Be(3, "Chart.js loaded from the host and drew three charts");
        first["chartRecords"]!.AsArray().Select(v => v!.GetValue<long>()).Should().Equal(broker.OrderBy(b => int.Parse(b.Key, System.Globalization.CultureInfo.InvariantCulture)).Select(b => b.Value));
        first["bytes"]!.GetValue<string>().Should().Be("not reported");

        (await producer.ProduceAllAsync(BreadcrumbFile.Generate(500, 4), ct)).Delivered.Should().Be(500);
        var second = await WaitForTotalAsync(page, "1500", ct);

        broker = (await inspector.GetStatsAsync(topic, ct)).Partitions.ToDictionary(p => p.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Messages);
        RowsOf(second).Should().Equal(broker);
        RowsOf(second).Values.Sum().Should().Be(1500);
    }

    private static Dictionary<string, long> RowsOf(JsonNode state) =>
        state["rows"]!.AsObject().ToDictionary(r => r.Key, r => r.Value!.GetValue<long>());

    // The same page, updated by server-sent events: poll its DOM until the total arrives (deadline, not a sleep).
    private static async Task<JsonNode> WaitForTotalAsync(HeadlessChromium page, string total, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        JsonNode? state = null;
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            var json = (await page.EvaluateAsync(PageState, ct))?.GetValue<string>();
            state = json is null ? null : JsonNode.Parse(json);
            if (state?["total"]?.GetValue<string>() == total)
            {
                return state;
            }

            await Task.Delay(50, ct);
        }

        throw new Xunit.Sdk.XunitException($"The page did not show {total} records in within 60 s; last state: {state?.ToJsonString() ?? "(page not loaded)"}");
    }
}

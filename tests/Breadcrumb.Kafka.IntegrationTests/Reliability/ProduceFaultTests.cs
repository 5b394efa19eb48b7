using Breadcrumb.Kafka.Broker;
using Breadcrumb.Kafka.IntegrationTests.Reliability.Support;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability;

/// <summary>Issue 9: an idempotent BreadcrumbProducer under injected Produce errors loses nothing and duplicates nothing.</summary>
public sealed class ProduceFaultTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    private const int Partitions = 6;

    [Fact(Timeout = 60_000)]
    public async Task SendTenThousand_RetriableProduceErrorsForAWhile_EachDeliveredExactlyOnceInOrder()
    {
        var topic = fixture.CreateTopic(Partitions, "retriable");
        ErrorCode[] burst =
        [
            ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotEnoughReplicas, ErrorCode.LeaderNotAvailable,
            ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotEnoughReplicas, ErrorCode.NotLeaderForPartition,
        ];

        ProduceRunSummary summary;
        await using (var sut = CreateSut(topic))
        {
            // The first burst is pushed before any record, so the run's first requests are rejected; the others land mid-run.
            fixture.Cluster.FailNextRequests(KafkaApiKey.Produce, burst);
            for (var id = 0; id < 10_000; id++)
            {
                if (id is 3_000 or 7_000)
                {
                    fixture.Cluster.FailNextRequests(KafkaApiKey.Produce, burst);
                }

                sut.Send(Ids.Record(id));
            }

            await sut.FlushAsync(TestContext.Current.CancellationToken);
            summary = sut.GetSummary();
        }

        fixture.Cluster.Faults.Pending.Should().Be(0, "the run met every injected error");
        summary.Should().Match<ProduceRunSummary>(s => s.Sent == 10_000 && s.Delivered == 10_000 && s.Failed == 0, summary.ToString());
        var audit = DeliveryAudit.Of([.. Enumerable.Range(0, 10_000).Select(i => (long)i)], await TopicReader.ReadAllAsync(fixture.Connection, topic, Partitions));
        audit.ExactlyOnceInOrder.Should().BeTrue(audit.ToString());
    }

    [Fact(Timeout = 60_000)]
    public async Task SendThousand_NonRetriableProduceErrors_ReportsExactlyTheRecordsThatFailed()
    {
        var topic = fixture.CreateTopic(Partitions, "permanent");
        var reports = new List<DeliveryReport<string?>>();
        ProduceRunSummary summary;
        await using (var sut = CreateSut(topic, r => { lock (reports) { reports.Add(r); } }))
        {
            await sut.SendAsync(Ids.Record(0), TestContext.Current.CancellationToken);
            fixture.Cluster.FailNextRequests(KafkaApiKey.Produce, ErrorCode.MsgSizeTooLarge, ErrorCode.MsgSizeTooLarge, ErrorCode.MsgSizeTooLarge);
            summary = await sut.ProduceAllAsync(Ids.Records(1, 999), TestContext.Current.CancellationToken);
        }

        fixture.Cluster.Faults.Pending.Should().Be(0, "the run met every injected error");
        summary.Sent.Should().Be(999);
        summary.Failed.Should().BePositive("three Produce requests were answered MESSAGE_TOO_LARGE");
        (summary.Delivered + summary.Failed).Should().Be(summary.Sent, "every record sent has a delivery report: {0}", summary);
        summary.Failures.Should().HaveCount((int)summary.Failed).And.OnlyContain(f => f.Code == ErrorCode.MsgSizeTooLarge);

        var failedIds = summary.Failures.Select(f => long.Parse(f.Key!, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        lock (reports)
        {
            reports.Where(r => !r.IsDelivered).Select(r => long.Parse(r.Key!, System.Globalization.CultureInfo.InvariantCulture))
                .Should().BeEquivalentTo(failedIds, "the listener hears of the same failures the summary lists");
        }

        var stored = await TopicReader.ReadAllAsync(fixture.Connection, topic, Partitions);
        var expected = Enumerable.Range(0, 1_000).Select(i => (long)i).Where(id => !failedIds.Contains(id)).ToList();
        var audit = DeliveryAudit.Of(expected, stored);
        audit.ExactlyOnceInOrder.Should().BeTrue("the broker holds exactly the records not reported as failed: " + audit);
    }

    private BreadcrumbProducer CreateSut(string topic, Action<DeliveryReport<string?>>? reports = null) => new(fixture.Connection, LabPreset.Apply(new BreadcrumbProducerOptions
    {
        Topic = topic,
        KeyStrategy = KeyStrategy.Custom(c => c.Record.EventNoStop),
        OnDelivery = reports,
        ConfigureClient = c =>
        {
            // Short backoffs keep the retries of a burst within a second or two.
            c.RetryBackoffMs = 20;
            c.RetryBackoffMaxMs = 200;
        },
    }));
}

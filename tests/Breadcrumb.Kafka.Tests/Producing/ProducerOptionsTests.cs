using Breadcrumb.Kafka.Lab.Producing;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Producing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Tests.Producing;

public sealed class ProducerOptionsTests
{
    private static readonly KafkaConnection Connection = KafkaConnection.FromBootstrapServers("localhost:9092");

    [Fact]
    public void Create_Defaults_IdempotentAcksAllKafkasLingerAndOnlyNeededReportFields()
    {
        var sut = ProducerSettings.Create(Connection, new BreadcrumbProducerOptions { Topic = "breadcrumbs" });
        var client = Client(Connection, sut);

        client.Config.EnableIdempotence.Should().BeTrue();
        client.Config.Acks.Should().Be(Acks.All);
        client.Config.Get("linger.ms").Should().BeNull("librdkafka's own default (5 ms) applies unless the lab preset is used");
        client.Config.Get("dotnet.producer.delivery.report.fields").Should().Be("key,timestamp");
        client.Config.ClientId.Should().Be("producer0");
        client.Config.BootstrapServers.Should().Be("localhost:9092");
        client.ReportsCarryValue.Should().BeFalse();
        sut.FlushPolicy.Should().BeSameAs(FlushPolicy.AtEnd);
        sut.KeyStrategy.Should().BeSameAs(KeyStrategy.None);
    }

    [Fact]
    public void Create_LabPreset_LingerZero_Issue20()
    {
        var sut = Client(Connection, ProducerSettings.Create(Connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "breadcrumbs" })));

        sut.Config.Get("linger.ms").Should().Be("0");
    }

    [Fact]
    public void Create_LabPresetAfterAnExplicitLinger_KeepsIt()
    {
        var options = LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "breadcrumbs", Linger = TimeSpan.FromMilliseconds(20) });

        Client(Connection, ProducerSettings.Create(Connection, options)).Config.Get("linger.ms").Should().Be("20");
    }

    [Fact]
    public void Create_ConnectionProperty_OverridesTheDefault()
    {
        var connection = Connection.WithProperty("linger.ms", "20");

        var sut = Client(connection, ProducerSettings.Create(connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "t" })));

        sut.Config.Get("linger.ms").Should().Be("20");
    }

    [Fact]
    public void Create_ConfigureClient_HasTheLastSay()
    {
        var connection = Connection.WithProperty("linger.ms", "20");
        var options = LabPreset.Apply(new BreadcrumbProducerOptions
        {
            Topic = "t",
            ConfigureClient = c =>
            {
                c.LingerMs = 60_000;
                c.Set("dotnet.producer.delivery.report.fields", "all");
            },
        });

        var sut = Client(connection, ProducerSettings.Create(connection, options));

        sut.Config.LingerMs.Should().Be(60_000);
        sut.ReportsCarryValue.Should().BeTrue("reports that carry values forbid reusing value buffers");
    }

    [Theory]
    [InlineData("", "BreadcrumbProducerOptions.Topic is empty: a Kafka topic needs a name.*")]
    [InlineData("has space", "BreadcrumbProducerOptions.Topic 'has space' contains ' '*")]
    public void Create_BadTopic_NamesTheOption(string topic, string message)
    {
        var act = () => ProducerSettings.Create(Connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = topic }));

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Create_BlankName_NamesTheOptionAndRange()
    {
        var act = () => ProducerSettings.Create(Connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "t", Name = " " }));

        act.Should().Throw<ArgumentException>()
            .WithMessage("BreadcrumbProducerOptions.Name must be 1 to 100 characters, not blank (was ' ').*");
    }

    [Fact]
    public void Create_NegativeDelay_NamesTheOptionValueAndRange()
    {
        var options = LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "t", DelayAfterEachSend = TimeSpan.FromSeconds(-1) });

        var act = () => ProducerSettings.Create(Connection, options);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("BreadcrumbProducerOptions.DelayAfterEachSend must be from zero to 1 hour (was -00:00:01).*");
    }

    [Fact]
    public void Create_PauseEveryZero_NamesTheOption()
    {
        var options = LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "t", Pause = new PauseRule(0, TimeSpan.FromSeconds(2)) });

        var act = () => ProducerSettings.Create(Connection, options);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("BreadcrumbProducerOptions.Pause.Every must be at least 1 (was 0).*");
    }

    [Fact]
    public void Create_ZeroQueueFullTimeout_NamesTheRange()
    {
        var options = LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "t", QueueFullTimeout = TimeSpan.Zero });

        var act = () => ProducerSettings.Create(Connection, options);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("BreadcrumbProducerOptions.QueueFullTimeout must be from 1 ms to 1 hour (was 00:00:00).*");
    }

    [Fact]
    public void Create_NullFlushPolicy_SaysWhatToSet()
    {
        var options = LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "t", FlushPolicy = null! });

        var act = () => ProducerSettings.Create(Connection, options);

        act.Should().Throw<ArgumentException>().WithMessage("BreadcrumbProducerOptions.FlushPolicy is null; set it (for example to FlushPolicy.AtEnd).*");
    }

    [Fact]
    public void Create_DeliveryReportsTurnedOff_IsRefused()
    {
        var options = LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "t", ConfigureClient = c => c.Set("dotnet.producer.enable.delivery.reports", "false") });

        var act = () => Client(Connection, ProducerSettings.Create(Connection, options));

        act.Should().Throw<ArgumentException>().WithMessage("*dotnet.producer.enable.delivery.reports=false*needs delivery reports*");
    }

    [Fact]
    public void Create_ReportFieldsWithoutKey_IsRefused()
    {
        var options = LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "t", ConfigureClient = c => c.Set("dotnet.producer.delivery.report.fields", "timestamp") });

        var act = () => Client(Connection, ProducerSettings.Create(Connection, options));

        act.Should().Throw<ArgumentException>().WithMessage("*delivery.report.fields=timestamp; it must include 'key'*");
    }

    [Fact]
    public void Pacing_DelayAndPause_AddUpOnEveryFifth()
    {
        var sut = new Pacing(TimeSpan.FromMilliseconds(250), new PauseRule(5, TimeSpan.FromSeconds(2)));

        sut.DelayAfter(4).Should().Be(TimeSpan.FromMilliseconds(250));
        sut.DelayAfter(5).Should().Be(TimeSpan.FromMilliseconds(2250));
        sut.DelayAfter(10).Should().Be(TimeSpan.FromMilliseconds(2250));
    }

    // The lab's settings hand the client configuration to the generic producer, which builds it.
    private static ProducerSetup<string?, BreadcrumbRecord> Client(KafkaConnection connection, ProducerSettings settings) =>
        ProducerSetup<string?, BreadcrumbRecord>.Create(connection, settings.Inner);
}

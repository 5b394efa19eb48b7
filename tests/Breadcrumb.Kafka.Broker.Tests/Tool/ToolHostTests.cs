using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Tool;

/// <summary>kafka-embedded's host in process (issue 19): what it prints, what it serves, how it stops and fails.</summary>
public sealed class ToolHostTests
{
    private static readonly TimeSpan LineDeadline = TimeSpan.FromSeconds(20);

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_Topic_PrintsTheAddressAloneAndServesTheTopic()
    {
        await using var sut = RunningTool.Start("--topic", "orders:3");

        var bootstrap = await sut.Output.ReadLineAsync(LineDeadline, TestContext.Current.CancellationToken);

        bootstrap.Should().MatchRegex(@"^127\.0\.0\.1:\d+$");
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        var metadata = await Task.Run(() => admin.GetMetadata("orders", TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
        metadata.Topics.Should().ContainSingle().Which.Partitions.Should().HaveCount(3);
        sut.Stop();
        (await sut.WaitForExitAsync()).Should().Be(0);
        sut.Output.Text.Should().Be(bootstrap + Environment.NewLine, "stdout carries the address and nothing else");
        sut.Error.Text.Should().Contain("topic orders: 3 partitions").And.Contain("kafka-embedded: stopping (stop requested).")
            .And.EndWith("kafka-embedded: stopped." + Environment.NewLine);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_StdinEnds_StopsWithExitCodeZero()
    {
        await using var sut = RunningTool.Start("--exit-on-stdin-close");
        await sut.Output.ReadLineAsync(LineDeadline, TestContext.Current.CancellationToken);

        sut.CloseInput();

        (await sut.WaitForExitAsync()).Should().Be(0);
        sut.Error.Text.Should().Contain("kafka-embedded: stopping (stdin closed).");
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_PortInUse_ExitsOneAndSaysWhichPort()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;

        await using var sut = RunningTool.Start("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        (await sut.WaitForExitAsync()).Should().Be(1);
        sut.Output.Text.Should().BeEmpty();
        sut.Error.Text.Should().Be(
            $"kafka-embedded: cannot listen on 127.0.0.1 port {port}: the port is in use (another Kafka?). "
            + "Choose another with --port, or leave --port out for free ports." + Environment.NewLine);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_TopicConfigRejected_ExitsTwoNamingTheTopicAndPrintsNoAddress()
    {
        await using var sut = RunningTool.Start("--topic", "orders:1:retention.ms=soon");

        (await sut.WaitForExitAsync()).Should().Be(2);
        sut.Output.Text.Should().BeEmpty();
        sut.Error.Text.Should().StartWith("kafka-embedded: --topic orders: Cannot create topic 'orders'").And.Contain("retention.ms");
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_Ssl_PrintsTheCaFileOnTheSecondLine_DeletesItAtStop()
    {
        await using var sut = RunningTool.Start("--security-protocol", "ssl", "--topic", "secured");
        var bootstrap = await sut.Output.ReadLineAsync(LineDeadline, TestContext.Current.CancellationToken);
        var caFile = await sut.Output.ReadLineAsync(LineDeadline, TestContext.Current.CancellationToken);

        (await File.ReadAllTextAsync(caFile, TestContext.Current.CancellationToken)).Should().StartWith("-----BEGIN CERTIFICATE-----");
        var config = new ProducerConfig { BootstrapServers = bootstrap, SecurityProtocol = SecurityProtocol.Ssl, SslCaLocation = caFile };
        using (var producer = new ProducerBuilder<Null, string>(config).Build())
        {
            var report = await producer.ProduceAsync("secured", new Message<Null, string> { Value = "over TLS" }, TestContext.Current.CancellationToken);
            report.Offset.Value.Should().Be(0);
        }

        sut.Stop();
        (await sut.WaitForExitAsync()).Should().Be(0);
        File.Exists(caFile).Should().BeFalse();
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_SaslUser_AuthenticatesClients_NeverPrintsThePassword()
    {
        const string Password = "Pa55:word-never-shown";
        await using var sut = RunningTool.Start("--sasl-user", $"alice:{Password}", "--sasl-mechanisms", "SCRAM-SHA-256", "--topic", "secured");
        var bootstrap = await sut.Output.ReadLineAsync(LineDeadline, TestContext.Current.CancellationToken);

        var config = new ProducerConfig
        {
            BootstrapServers = bootstrap,
            SecurityProtocol = SecurityProtocol.SaslPlaintext,
            SaslMechanism = SaslMechanism.ScramSha256,
            SaslUsername = "alice",
            SaslPassword = Password,
        };
        using (var producer = new ProducerBuilder<Null, string>(config).Build())
        {
            var report = await producer.ProduceAsync("secured", new Message<Null, string> { Value = "authenticated" }, TestContext.Current.CancellationToken);
            report.Offset.Value.Should().Be(0);
        }

        sut.Stop();
        (await sut.WaitForExitAsync()).Should().Be(0);
        sut.Error.Text.Should().Contain("SASL users: alice; mechanisms SCRAM-SHA-256");
        (sut.Output.Text + sut.Error.Text).Should().NotContain(Password);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_MemoryBudget_RefusesAProducePastIt()
    {
        await using var sut = RunningTool.Start("--memory-budget", "1K", "--topic", "small");
        var bootstrap = await sut.Output.ReadLineAsync(LineDeadline, TestContext.Current.CancellationToken);
        using var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, MessageSendMaxRetries = 0 }).Build();

        var produce = () => producer.ProduceAsync("small", new Message<Null, byte[]> { Value = new byte[4096] }, TestContext.Current.CancellationToken);

        (await produce.Should().ThrowAsync<ProduceException<Null, byte[]>>()).Which.Error.Code.Should().Be(ErrorCode.PolicyViolation);
    }
}

using System.Diagnostics;
using Breadcrumb.Kafka.PackageTests.Infrastructure;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.PackageTests;

/// <summary>
/// The path of a test in another language (issue 19): `dotnet tool install` of kafka-embedded from the feed, start it,
/// read the address from its first stdout line, produce and consume, close its stdin, see it exit 0.
/// </summary>
[Collection(PackagesDefinition.Name)]
public sealed class BrokerToolTests(PackageFeedFixture feed, ITestOutputHelper output)
{
    private const string PackageId = "Breadcrumb.Kafka.Broker.Tool";
    private const string Topic = "e2e-orders";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 600_000)]
    public async Task InstalledTool_ServesClientsUntilStdinCloses_ThenExitsZero()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var toolPath = Path.Combine(feed.WorkDirectory, $"tools-{Guid.NewGuid():N}");
        var install = await DotnetCli.RunAsync(
            feed.WorkDirectory, InstallTimeout, cancellationToken,
            "tool", "install", "--tool-path", toolPath, "--add-source", feed.FeedDirectory, "--version", feed.Version, PackageId);
        output.WriteLine(install.Describe());
        install.ExitCode.Should().Be(0, install.Describe());

        using var broker = StartTool(Path.Combine(toolPath, OperatingSystem.IsWindows() ? "kafka-embedded.exe" : "kafka-embedded"), "--exit-on-stdin-close", "--topic", $"{Topic}:2");
        var stderr = broker.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            var bootstrap = await broker.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(Deadline, cancellationToken);
            bootstrap.Should().MatchRegex(@"^127\.0\.0\.1:\d+$");

            var partitions = await Task.Run(() => PartitionCount(bootstrap!), cancellationToken);
            partitions.Should().Be(2, "--topic created it before the address was printed");
            using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
            {
                var report = await producer.ProduceAsync(Topic, new Message<string, string> { Key = "42", Value = "through the installed tool" }, cancellationToken);
                var consumed = await Task.Run(() => ConsumeOne(bootstrap!, report.TopicPartition, cancellationToken), cancellationToken);
                consumed.Should().Be(("42", "through the installed tool"));
            }

            broker.StandardInput.Close();
            await broker.WaitForExitAsync(cancellationToken).WaitAsync(Deadline, cancellationToken);
            var errors = await stderr;
            output.WriteLine(errors);
            broker.ExitCode.Should().Be(0, errors);
            (await broker.StandardOutput.ReadToEndAsync(cancellationToken)).Should().BeEmpty("stdout carries the address alone");
            errors.Should().Contain($"topic {Topic}: 2 partitions").And.Contain("kafka-embedded: stopping (stdin closed).");
        }
        finally
        {
            if (!broker.HasExited)
            {
                broker.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process StartTool(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
    }

    private static int PartitionCount(string bootstrap)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        return admin.GetMetadata(Topic, TimeSpan.FromSeconds(20)).Topics.Single().Partitions.Count;
    }

    private static (string Key, string Value) ConsumeOne(string bootstrap, TopicPartition partition, CancellationToken cancellationToken)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "e2e-tool", EnableAutoCommit = false };
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Assign(new TopicPartitionOffset(partition, Offset.Beginning));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        var result = consumer.Consume(deadline.Token);
        consumer.Close();
        return (result.Message.Key, result.Message.Value);
    }
}

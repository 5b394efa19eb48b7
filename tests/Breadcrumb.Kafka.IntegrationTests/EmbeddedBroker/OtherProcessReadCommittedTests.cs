using Breadcrumb.Kafka.Testing;
using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using static Breadcrumb.Kafka.IntegrationTests.EmbeddedBroker.TxnClients;

namespace Breadcrumb.Kafka.IntegrationTests.EmbeddedBroker;

/// <summary>read_committed on the wire, for a client in another process (Debian's python3-confluent-kafka).</summary>
public sealed class OtherProcessReadCommittedTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    private static readonly string[] Interpreters = ["/usr/bin/python3", "python3"];

    [Fact(Timeout = 120_000)]
    public async Task PythonClient_ReadCommitted_SeesOnlyCommittedRecordsOfBothProcesses()
    {
        var python = await FindPythonWithConfluentKafkaAsync();
        if (python is null)
        {
            Assert.Skip("python3-confluent-kafka is not installed (apt-get install -y python3-confluent-kafka); the cross-process check needs it.");
        }

        var topic = fixture.CreateTopic(partitions: 1);
        using var producer = Producer(fixture.Connection);
        var committed = await TransactionAsync(producer, [topic], "dotnet-committed", count: 3, commit: true);
        var aborted = await TransactionAsync(producer, [topic], "dotnet-aborted", count: 4, commit: false);
        producer.BeginTransaction();
        await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "dotnet-open" }, TestContext.Current.CancellationToken);

        var script = Path.Combine(AppContext.BaseDirectory, "EmbeddedBroker", "python_read_committed.py");
        var (exit, output, error) = await RunAsync(python, [script, fixture.Cluster.BootstrapServers, topic]);
        await Task.Run(() => producer.AbortTransaction(Deadline), TestContext.Current.CancellationToken);

        exit.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        var readCommitted = json.RootElement.GetProperty("read_committed").EnumerateArray().Select(e => e.GetString()).ToList();
        var readUncommitted = json.RootElement.GetProperty("read_uncommitted").EnumerateArray().Select(e => e.GetString()).ToList();
        readCommitted.Should().Equal(committed, "the open .NET transaction holds the last stable offset before the Python records");
        readUncommitted.Should().HaveCount(3 + 4 + 1 + 4, "read_uncommitted sees everything, aborted and open included");
        readUncommitted.Should().Contain(aborted).And.Contain("dotnet-open", "py-committed-0", "py-aborted-1");
    }

    private static async Task<string?> FindPythonWithConfluentKafkaAsync()
    {
        foreach (var candidate in Interpreters)
        {
            try
            {
                var (exit, _, _) = await RunAsync(candidate, ["-c", "import confluent_kafka"]);
                if (exit == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name.
            }
        }

        return null;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}

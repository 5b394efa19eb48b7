using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Broker.Tool.Hosting;

/// <summary>
/// Runs the cluster for the tool: start, create the topics, print the address, serve until asked to stop, dispose.
/// stdout gets the bootstrap address alone on its first line (and the CA file on the second with TLS) and nothing
/// else, so a script can read it and never has to drain the pipe; everything for people goes to stderr.
/// </summary>
/// <param name="output">stdout.</param>
/// <param name="error">stderr.</param>
/// <param name="input">stdin when the tool stops at its end; otherwise null.</param>
internal sealed class ToolHost(TextWriter output, TextWriter error, Stream? input)
{
    private const string Name = ToolDefaults.CommandName;

    /// <summary>Serves until <paramref name="stop"/> is cancelled or stdin ends; returns the exit code.</summary>
    public async Task<int> RunAsync(ToolSettings settings, ILoggerFactory? loggerFactory, CancellationToken stop)
    {
        KafkaCluster cluster;
        try
        {
            cluster = KafkaCluster.Start(settings.ToClusterOptions(loggerFactory));
        }
        catch (SocketException e)
        {
            await error.WriteLineAsync($"{Name}: {DescribeStartFailure(settings, e)}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"{Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        try
        {
            foreach (var topic in settings.Topics)
            {
                try
                {
                    cluster.CreateTopic(topic.Name, topic.Partitions ?? settings.DefaultPartitions, topic.Configs);
                }
                catch (ArgumentException e)
                {
                    await error.WriteLineAsync($"{Name}: --topic {topic.Name}: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.BadArguments;
                }
            }

            // Printed only now, so a reader that got the address can use every topic at once.
            await output.WriteLineAsync(cluster.BootstrapServers).ConfigureAwait(false);
            if (cluster.CaCertificatePath is { } caFile)
            {
                await output.WriteLineAsync(caFile).ConfigureAwait(false);
            }

            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await ClusterReport.WriteAsync(error, cluster, settings).ConfigureAwait(false);

            var reason = await StopTrigger.WaitAsync(input, stop).ConfigureAwait(false);
            await error.WriteLineAsync($"{Name}: stopping ({reason}).").ConfigureAwait(false);
        }
        finally
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
        }

        await error.WriteLineAsync($"{Name}: stopped.").ConfigureAwait(false);
        return ExitCodes.Stopped;
    }

    private static string DescribeStartFailure(ToolSettings settings, SocketException e)
    {
        var requested = settings.Ports.Where(p => p != 0).ToList();
        var where = requested.Count switch
        {
            0 => $"{settings.Host} (free ports)",
            1 => $"{settings.Host} port {requested[0]}",
            _ => $"{settings.Host} ports {string.Join(", ", requested)}",
        };
        return e.SocketErrorCode == SocketError.AddressAlreadyInUse
            ? $"cannot listen on {where}: {(requested.Count == 1 ? "the port is" : "one of them is")} in use (another Kafka?). "
                + "Choose another with --port, or leave --port out for free ports."
            : $"cannot listen on {where}: {e.Message} ({e.SocketErrorCode}). Check --host (an address of this machine) and --port.";
    }
}

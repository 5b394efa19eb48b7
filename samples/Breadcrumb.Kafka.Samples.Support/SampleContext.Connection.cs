using Confluent.Kafka;

namespace Breadcrumb.Kafka.Samples;

/// <content>Connections named on the command line, and the quick check that they answer.</content>
public sealed partial class SampleContext
{
    /// <summary>Gets how long the first metadata request may take before a cluster counts as unreachable.</summary>
    public static TimeSpan ReachabilityTimeout { get; } = TimeSpan.FromSeconds(5);

    private static KafkaConnection ConnectionFromArguments(SampleSettings settings)
    {
        KafkaConnection connection;
        if (settings.ConfigFile is { } file)
        {
            if (!File.Exists(file))
            {
                throw new SampleException(
                    $"config file '{file}' not found (-f/--config): give the path of your librdkafka.config, e.g. -f ~/.confluent/librdkafka.config.");
            }

            connection = KafkaConnection.FromConfigFile(file);
            if (settings.BootstrapServers is { } servers)
            {
                connection = connection.WithProperty("bootstrap.servers", KafkaConnection.FromBootstrapServers(servers).BootstrapServers);
            }
        }
        else
        {
            connection = KafkaConnection.FromBootstrapServers(settings.BootstrapServers!);
        }

        return connection;
    }

    private static async Task CheckReachableAsync(KafkaConnection connection, bool verbose, CancellationToken cancellationToken)
    {
        var config = connection.CreateAdminConfig();
        config.SocketConnectionSetupTimeoutMs = (int)ReachabilityTimeout.TotalMilliseconds;
        try
        {
            await Task.Run(
                () =>
                {
                    // librdkafka logs every failed connection attempt; the user gets one line from us instead.
                    using var admin = new AdminClientBuilder(config)
                        .SetLogHandler((_, m) => LogIfVerbose(verbose, m.Message))
                        .SetErrorHandler((_, e) => LogIfVerbose(verbose, e.Reason))
                        .Build();
                    var metadata = admin.GetMetadata(ReachabilityTimeout);
                    if (metadata.Brokers.Count == 0)
                    {
                        throw new KafkaException(ErrorCode.BrokerNotAvailable);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (KafkaException e)
        {
            throw new SampleException(
                $"no Kafka broker answered at {connection.BootstrapServers} within {ReachabilityTimeout.TotalSeconds:0} s ({e.Error.Reason}): "
                + "check --bootstrap-servers or the librdkafka.config, or run without them to use the embedded broker.",
                e);
        }
    }

    private static void LogIfVerbose(bool verbose, string message)
    {
        if (verbose)
        {
            System.Console.Error.WriteLine(message);
        }
    }
}

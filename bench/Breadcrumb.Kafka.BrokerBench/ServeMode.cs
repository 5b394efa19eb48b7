using Breadcrumb.Kafka.BrokerBench.Mock;
using Breadcrumb.Kafka.Broker;
using Breadcrumb.Kafka.Testing;

/// <summary>
/// The broker half of the cross-process runs: this executable started with <c>--serve csharp|mock</c> hosts a
/// <see cref="KafkaCluster"/> or librdkafka's raw mock, prints <c>BOOTSTRAP host:port</c>, then answers commands
/// on stdin until it closes: <c>create TOPIC PARTITIONS</c>, <c>delete TOPIC</c> (each answers <c>OK</c> or
/// <c>ERROR message</c>) and <c>stats</c> (answers <c>STATS</c> and a <see cref="BrokerStats"/>).
/// </summary>
internal static class ServeMode
{
    public static async Task<int> RunAsync(string kind)
    {
        KafkaCluster? csharp = null;
        RawMock? mock = null;
        try
        {
            if (kind == "mock")
            {
                mock = RawMock.Start();
                Console.WriteLine($"BOOTSTRAP {mock.BootstrapServers}");
            }
            else
            {
                csharp = KafkaCluster.Start();
                Console.WriteLine($"BOOTSTRAP {csharp.BootstrapServers}");
            }

            while (await Console.In.ReadLineAsync() is { } line)
            {
                var parts = line.Trim().Split(' ');
                try
                {
                    switch (parts[0])
                    {
                        case "create":
                            var partitions = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
                            if (csharp is not null)
                            {
                                csharp.CreateTopic(parts[1], partitions);
                            }
                            else
                            {
                                mock!.CreateTopic(parts[1], partitions);
                            }

                            Console.WriteLine("OK");
                            break;
                        case "delete":
                            if (csharp is not null)
                            {
                                csharp.DeleteTopic(parts[1]);
                            }
                            else
                            {
                                mock!.DeleteTopic(parts[1]);
                            }

                            Console.WriteLine("OK");
                            break;
                        case "stats":
                            Console.WriteLine($"STATS {BrokerStats.Now().Format()}");
                            break;
                        default:
                            Console.WriteLine($"ERROR unknown command '{line}'");
                            break;
                    }
                }
                catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException or Confluent.Kafka.KafkaException)
                {
                    Console.WriteLine($"ERROR {e.Message.ReplaceLineEndings(" ")}");
                }
            }
        }
        finally
        {
            if (csharp is not null)
            {
                await csharp.DisposeAsync();
            }

            mock?.Dispose();
        }

        return 0;
    }
}

using System.CommandLine;
using Breadcrumb.Kafka.Samples;
using Breadcrumb.Kafka.Testing;

// The lab is done in several terminals: this one keeps an embedded Kafka broker alive until Ctrl+C and
// publishes its address in a well-known file, which every sample started without -f/--bootstrap-servers uses.
var topic = new Option<string>("--topic", "-t") { Description = "The lab topic to create.", DefaultValueFactory = _ => SampleSettings.DefaultTopic };
var partitions = new Option<int>("--partitions", "-p") { Description = "Its partition count.", DefaultValueFactory = _ => SampleSettings.DefaultPartitions };
var root = new RootCommand(
    "Runs an embedded Kafka broker (the C# broker) until Ctrl+C, creates the lab topic and writes its "
    + $"bootstrap address to {BrokerFile.DefaultPath} so the section samples in other terminals share it.")
{
    topic, partitions,
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    await Console.Error.WriteLineAsync($"Broker: {parsed.Errors[0].Message} (see --help)");
    return 2;
}

root.SetAction(async (result, cancellationToken) =>
{
    var name = result.GetValue(topic)!;
    var count = result.GetValue(partitions);
    if (count is < 1 or > 1000)
    {
        await Console.Error.WriteLineAsync($"Broker: --partitions must be between 1 and 1000 (was {count}).");
        return 2;
    }

    await using var cluster = await EmbeddedKafkaCluster.StartAsync(cancellationToken: cancellationToken);
    cluster.CreateTopic(name, count);
    BrokerFile.Write(cluster.BootstrapServers, name);
    try
    {
        Console.WriteLine($"1. Embedded Kafka is listening at {cluster.BootstrapServers}");
        Console.WriteLine($"2. Topic '{name}' has {count} partitions (other topics are created on first use with 1)");
        Console.WriteLine($"3. Address published in {BrokerFile.DefaultPath}: run the section samples in other terminals");
        Console.WriteLine("   Press Ctrl+C to stop the broker (its records are kept in memory only).");
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }
    finally
    {
        BrokerFile.Remove();
        Console.WriteLine("Broker stopped; address file removed.");
    }

    return 0;
});

return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) });

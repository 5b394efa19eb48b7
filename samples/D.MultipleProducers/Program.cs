using System.CommandLine;
using Breadcrumb.Kafka.Samples;
using Breadcrumb.Kafka.Samples.MultipleProducers;

// Lab section D — Multiple Producers.
//  1. clear all data from the topic;
//  2. run two producers at the same time, each sending all 1000 records; note the first and last offset
//     of each partition; then run one consumer: it gets 2000.
var command = new SampleCommand(
    "D",
    "Lab section D (Multiple Producers): clears the topic, runs --producers producers at the same time (keyed with their "
    + "names, like the lab's producer0 and producer1), each sending --records records, prints the first and last offset "
    + "each producer got per partition, then one consumer reads the topic once and counts everything.");
var producers = command.Add(new Option<int>("--producers") { Description = "Concurrent producers (the lab: 2).", DefaultValueFactory = _ => 2 });

return await command.RunAsync(args, async (ctx, parsed) =>
    await MultipleProducersSection.RunAsync(ctx, Math.Clamp(parsed.GetValue(producers), 1, 16)));

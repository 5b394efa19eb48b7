using System.CommandLine;
using Breadcrumb.Kafka.Samples;
using Breadcrumb.Kafka.Samples.Concurrent;

// Lab section E — Multiple Concurrent Producers and Consumers.
//  1. clear all data from the topic;
//  2. producers sleep 250 ms after each send;
//  3. two consumers (one group) wait first; then two or three producers keyed producer0..2 run at the same time.
//     Which consumer gets what, and why?
var command = new SampleCommand(
    "E",
    "Lab section E (Concurrent Producers and Consumers): clears the topic, starts --consumers consumers in one group, then "
    + "--producers producers keyed producer0, producer1, … sending --count records each with --pacing-ms after each send. "
    + "Prints each consumer's partitions and counts: a key always lands in one partition, a partition belongs to one consumer.");
var producers = command.Add(new Option<int>("--producers") { Description = "Concurrent producers (the lab: 2 or 3).", DefaultValueFactory = _ => 3 });
var consumers = command.Add(new Option<int>("--consumers") { Description = "Consumers in the group (the lab: 2).", DefaultValueFactory = _ => 2 });
var count = command.Add(new Option<int>("--count") { Description = "Records per producer (the lab: 1000 = 250 s at 250 ms).", DefaultValueFactory = _ => 100 });
var pacing = command.Add(new Option<int?>("--pacing-ms") { Description = "Pause after each send, ms (lab: 250; --quick: 20)." });

return await command.RunAsync(args, async (ctx, parsed) =>
{
    var options = new ConcurrentOptions
    {
        Producers = Math.Clamp(parsed.GetValue(producers), 1, 16),
        Consumers = Math.Clamp(parsed.GetValue(consumers), 1, 16),
        RecordsPerProducer = Math.Max(1, parsed.GetValue(count)),
        Pacing = TimeSpan.FromMilliseconds(parsed.GetValue(pacing) ?? (ctx.Settings.Quick ? 20 : 250)),
    };
    return await ConcurrentSection.RunAsync(ctx, options);
});

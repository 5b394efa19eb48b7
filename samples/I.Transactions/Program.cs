using System.CommandLine;
using Breadcrumb.Kafka.Samples;
using Breadcrumb.Kafka.Samples.Transactions;

// Lab section I — Kafka Transactions.
//  6. a producer that uses transactions;
//  7. begin, send 4 records, wait 2 s, flip a fair coin: commit on heads, abort on tails;
//  8. a read_committed consumer — does it see only committed records?
//  9. the same with 2 records to each of two topics, one consumer on both.
var command = new SampleCommand(
    "I",
    "Lab section I (Kafka Transactions): runs transactions of 4 records, waits 2 s, flips a seeded coin to commit or abort, "
    + "then reads with a read_committed consumer and checks that it saw every committed record and no aborted one; "
    + "then does the same with 2 + 2 records across two topics. First it probes whether the broker filters aborted records "
    + "(the embedded broker may not) and says so.");
var second = command.Add(new Option<string?>("--second-topic") { Description = "The second topic of step 9 (default: <topic>-2)." });
var batches = command.Add(new Option<int>("--batches") { Description = "Transactions per part.", DefaultValueFactory = _ => 10 });
var waitMs = command.Add(new Option<int?>("--wait-ms") { Description = "Wait before the coin flip, ms (lab: 2000; --quick: 200)." });

return await command.RunAsync(args, async (ctx, parsed) =>
{
    var options = new TransactionsOptions
    {
        SecondTopic = parsed.GetValue(second),
        Batches = Math.Max(1, parsed.GetValue(batches)),
        Wait = TimeSpan.FromMilliseconds(parsed.GetValue(waitMs) ?? (ctx.Settings.Quick ? 200 : 2000)),
    };
    return await TransactionsSection.RunAsync(ctx, options);
});

using System.CommandLine;
using Breadcrumb.Kafka.Samples;
using Breadcrumb.Kafka.Samples.Keys;

// Lab section F — Varying Keys.
//  1. clear all data from the topic;
//  2. the producer picks a random key 1–5 for each record;
//  3. a consumer keeps only one key (or a set of keys);
//  4. a key that does not exist ("100") gives nothing — and says so;
//  5. consuming key by key reads out of order overall, in order within each key.
var command = new SampleCommand(
    "F",
    "Lab section F (Varying Keys): clears the topic, produces --records records keyed with a seeded random number 1–5, "
    + "then reads the topic once per key (counts add up to the total), once for a key set, and once for a key that no "
    + "record has (0 records, no error), checking that offsets increase within each key.");
var keySet = command.Add(new Option<string>("--keys") { Description = "Comma-separated key set to read together.", DefaultValueFactory = _ => "1,3" });
var missingKey = command.Add(new Option<string>("--missing-key") { Description = "A key no record has (the lab's 100).", DefaultValueFactory = _ => "100" });

return await command.RunAsync(args, async (ctx, parsed) =>
{
    var options = new KeysOptions
    {
        KeySet = parsed.GetValue(keySet)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        MissingKey = parsed.GetValue(missingKey)!,
    };
    return await KeysSection.RunAsync(ctx, options);
});

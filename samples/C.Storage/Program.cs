using System.CommandLine;
using Breadcrumb.Kafka.Samples;
using Breadcrumb.Kafka.Samples.Storage;

// Lab section C — Kafka Storage.
//  1. wc bcsample.json;
//  2. run the consumer several times after one producer run: what happens?
//  3. before the consumer runs, where is the data?   4. how much does Kafka store for the topic?
//  5. topic_clean: a consumer that reads and discards every record.
var command = new SampleCommand(
    "C",
    "Lab section C (Kafka Storage): measures bcsample.json like wc, produces it once, consumes it twice in one group "
    + "(the second run gets nothing: the group's committed offsets) and once in a new group (everything), shows what the "
    + "broker stores per partition (records, and bytes where the broker reports them), then drains the topic like topic_clean.py.");
var input = command.Add(new Option<FileInfo?>("--input", "-i") { Description = $"The bcsample.json to use (default {StorageSection.DefaultSampleFile}, generated if missing)." });

return await command.RunAsync(args, async (ctx, parsed) =>
{
    if (parsed.GetValue(input) is { Exists: false } missing)
    {
        throw new SampleException($"input file '{missing.FullName}' not found (--input): give the path of a bcsample.json.");
    }

    return await StorageSection.RunAsync(ctx, parsed.GetValue(input)?.FullName);
});

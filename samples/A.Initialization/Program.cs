using System.CommandLine;
using Breadcrumb.Kafka.Samples;
using Breadcrumb.Kafka.Samples.Initialization;

// Lab section A — Initialization.
//  3. create bcsample.json with 1000 breadcrumb records (or bring your own with --input);
//  4. parse it and send its records to the topic, one record at a time;
//  5. consume the records and count them: 1000.
var command = new SampleCommand(
    "A",
    "Lab section A (Initialization): writes bcsample.json with --records generated breadcrumb records (or reads --input), "
    + "produces them one record at a time to the lab topic, then consumes the topic in a new consumer group and counts "
    + "what arrived. Expect the count to equal the records sent.");
var input = command.Add(new Option<FileInfo?>("--input", "-i") { Description = "An existing bcsample.json (JSON array or one object per line) to produce." });
var output = command.Add(new Option<FileInfo?>("--output", "-o") { Description = $"Where to write the generated file (default {InitializationOptions.DefaultSampleFile})." });

return await command.RunAsync(args, async (ctx, parsed) =>
{
    if (parsed.GetValue(input) is { Exists: false } missing)
    {
        throw new SampleException($"input file '{missing.FullName}' not found (--input): give the path of a bcsample.json.");
    }

    var options = new InitializationOptions
    {
        Input = parsed.GetValue(input)?.FullName,
        Output = parsed.GetValue(output)?.FullName ?? InitializationOptions.DefaultSampleFile,
    };
    return await InitializationSection.RunAsync(ctx, options);
});

using System.CommandLine;
using Breadcrumb.Kafka.Samples;
using Breadcrumb.Kafka.Samples.Flush;

// Lab section G — Producer Flush.
//  1. what does flush() do?   2. what if you never call it?   3. what if you call it after each record?
//  4. wait 2 s after every 5th record and flush every 15th, with a consumer running: when does it receive?
// Each run records a timeline of sends, delivery reports, receives and flushes (CSV and PNG).
var command = new SampleCommand(
    "G",
    "Lab section G (Producer Flush): three runs with a consumer running concurrently — never flush, flush after each record, "
    + "pause 2 s after every 5th record and flush every 15th — recording when each record was sent, when its delivery report "
    + "arrived and when the consumer received it. Writes the timeline as CSV and a PNG chart.");
var count = command.Add(new Option<int>("--count") { Description = "Records per run (45 gives the third run 9 pauses).", DefaultValueFactory = _ => 45 });
var pauseMs = command.Add(new Option<int?>("--pause-ms") { Description = "Pause after every 5th record in run 4, ms (lab: 2000; --quick: 200)." });
var outDir = command.Add(new Option<DirectoryInfo?>("--out-dir") { Description = "Folder for g-flush-timeline.csv and .png." });

return await command.RunAsync(args, async (ctx, parsed) =>
{
    var options = new FlushOptions
    {
        Count = Math.Clamp(parsed.GetValue(count), 1, 10_000),
        Pause = TimeSpan.FromMilliseconds(parsed.GetValue(pauseMs) ?? (ctx.Settings.Quick ? 200 : 2000)),
        OutputDirectory = parsed.GetValue(outDir)?.FullName ?? new FlushOptions().OutputDirectory,
    };
    return await FlushSection.RunAsync(ctx, options);
});

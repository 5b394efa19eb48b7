using System.CommandLine;
using Spectre.Console;
using Breadcrumb.Kafka.Samples;
using Breadcrumb.Kafka.Samples.Monitoring;

// Lab section B — Kafka Monitoring.
//  1. a monitoring console for the topic: what does it show, and do the values seem reasonable?
//  2. keep it open while you do the other exercises (run the Broker host, then this with --no-load and --duration 0).
var command = new SampleCommand(
    "B",
    "Lab section B (Kafka Monitoring): refreshes per-partition offsets, records held, records/s in (watermarks) and out "
    + "(a group's commits), the group's lag and bytes where the broker reports them. By default it runs its own paced "
    + "producer (--records records) and consumer, and watches until the producer has stopped and the lag is back to 0; with --no-load "
    + "it watches --group for --duration seconds while other samples run.");
var duration = command.Add(new Option<int>("--duration") { Description = "With --no-load: seconds to watch, 0 = until Ctrl+C. With load: the longest the demo producer runs.", DefaultValueFactory = _ => 8 });
var group = command.Add(new Option<string?>("--group") { Description = "Consumer group whose progress to watch." });
var noLoad = command.Add(new Option<bool>("--no-load") { Description = "Do not run the demo producer and consumer." });
var web = command.Add(new Option<bool>("--web") { Description = "Also serve live charts on a local web page (127.0.0.1, free port)." });

return await command.RunAsync(args, async (ctx, parsed) =>
{
    var seconds = parsed.GetValue(duration);
    var options = new MonitoringOptions
    {
        Duration = seconds <= 0 ? null : TimeSpan.FromSeconds(seconds),
        Group = parsed.GetValue(group),
        WithLoad = !parsed.GetValue(noLoad),
    };
    await using var page = parsed.GetValue(web)
        ? await MonitoringWebHost.StartAsync(ctx.CreateInspector(), ctx.Topic, [options.Group ?? ctx.GroupId("lab-b-load")], TimeSpan.FromSeconds(1), ctx.CancellationToken)
        : null;
    if (page is not null)
    {
        ctx.Info($"Monitoring page: {page.Url}");
    }

    // A person at a terminal gets one table redrawn in place; scripts (--json, redirected output) get plain lines.
    if (ctx.Settings.Json || Console.IsOutputRedirected || !ctx.Console.Profile.Capabilities.Ansi)
    {
        return await MonitoringSection.RunAsync(ctx, options);
    }

    var view = new LiveMonitorTable();
    return await ctx.Console.Live(view.Table).StartAsync(live =>
        MonitoringSection.RunAsync(ctx, options with { OnTick = (tick, stats) => { view.Update(tick, stats); live.Refresh(); } }));
});

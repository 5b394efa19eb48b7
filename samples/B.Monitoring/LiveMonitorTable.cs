using System.Globalization;
using Breadcrumb.Kafka.Lab;
using Spectre.Console;

namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>Section B's live terminal view: one table redrawn in place at each reading, like a monitoring console.</summary>
public sealed class LiveMonitorTable
{
    private readonly Table table = new Table()
        .Title("[bold]Kafka monitoring[/]")
        .AddColumns("partition", "low", "high", "records held");

    /// <summary>Gets the table to hand to <see cref="AnsiConsole.Live"/>.</summary>
    public Table Table => table;

    /// <summary>Redraws the table from one reading.</summary>
    /// <param name="tick">The reading's totals and rates.</param>
    /// <param name="stats">The per-partition watermarks of the reading.</param>
    public void Update(MonitorTick tick, TopicStats stats)
    {
        ArgumentNullException.ThrowIfNull(tick);
        ArgumentNullException.ThrowIfNull(stats);
        table.Rows.Clear();
        foreach (var partition in stats.Partitions)
        {
            table.AddRow(Text(partition.Partition), Text(partition.Low), Text(partition.High), Text(partition.Messages));
        }

        var bytes = tick.Bytes is { } b ? Text(b) : "not reported";
        table.Caption(
            $"t = {tick.Seconds:0.0} s   records held {tick.Records}   in {tick.InPerSecond:0}/s   out {tick.OutPerSecond:0}/s   "
            + $"group lag {tick.Lag}   bytes {bytes}");
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using ScottPlot;

namespace Breadcrumb.Kafka.Samples.Flush;

/// <summary>Draws section G's timeline: one panel per run, record index over time, flushes as vertical lines.</summary>
internal static class FlushChart
{
    /// <summary>Renders the chart as PNG.</summary>
    /// <returns>Null when written; otherwise why it could not be (e.g. no native graphics library).</returns>
    public static string? TryRender(Timeline timeline, IReadOnlyList<string> modes, string path)
    {
        try
        {
            var multiplot = new Multiplot();
            multiplot.AddPlots(modes.Count);
            for (var i = 0; i < modes.Count; i++)
            {
                var plot = multiplot.GetPlot(i);
                var run = timeline.Events.Where(e => e.Mode == modes[i]).ToList();
                foreach (var flush in run.Where(e => e.Event == "flush"))
                {
                    var line = plot.Add.VerticalLine(flush.Ms);
                    line.Color = Colors.Gray.WithAlpha(0.5);
                    line.LinePattern = LinePattern.Dashed;
                }

                foreach (var (kind, color, size) in new[] { ("sent", Colors.Blue, 7f), ("delivered", Colors.Green, 5f), ("received", Colors.OrangeRed, 3f) })
                {
                    var points = run.Where(e => e.Event == kind).ToList();
                    if (points.Count == 0)
                    {
                        continue;
                    }

                    var scatter = plot.Add.ScatterPoints(points.Select(p => p.Ms).ToArray(), points.Select(p => (double)p.Index).ToArray());
                    scatter.Color = color;
                    scatter.MarkerSize = size;
                    scatter.LegendText = kind;
                }

                plot.Title($"{modes[i]} (dashed: flush calls)");
                plot.XLabel("ms since the run started");
                plot.YLabel("record");
                plot.ShowLegend(Alignment.LowerRight);
            }

            multiplot.SavePng(path, 1000, 300 * modes.Count);
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or InvalidOperationException or IOException)
        {
            return $"{e.GetType().Name}: {e.Message} (the CSV has the same data)";
        }
    }
}

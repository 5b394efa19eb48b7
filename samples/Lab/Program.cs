using System.CommandLine;
using System.Diagnostics;
using Breadcrumb.Kafka.Samples;
using Breadcrumb.Kafka.Samples.Lab;
using Breadcrumb.Kafka.Testing;
using Spectre.Console;

// The whole lab, A to I, on one embedded Kafka broker: each section prints what it measured, and the run ends
// with docs/lab-report.md and docs/lab-report.pdf — every lab question with its measured answer. Exits 1 if a lab invariant broke.
var quick = new Option<bool>("--quick", "-q") { Description = "Shorten the lab's waits (20 ms pacing, 200 ms pauses and transaction waits)." };
var report = new Option<FileInfo?>("--report") { Description = "Where to write the report (default docs/lab-report.md of this repository, else ./lab-report.md); the PDF goes beside it." };
var only = new Option<string?>("--only") { Description = "Comma-separated sections to run, e.g. A,D,I." };
var verbose = new Option<bool>("--verbose", "-v") { Description = "Show stack traces of errors." };
var root = new RootCommand("Runs lab sections A–I in order on one embedded Kafka broker and writes docs/lab-report.md and .pdf.") { quick, report, only, verbose };
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    await Console.Error.WriteLineAsync($"Lab: {parsed.Errors[0].Message} (see --help)");
    return 2;
}

root.SetAction(async (result, cancellationToken) =>
{
    var isQuick = result.GetValue(quick);
    var reportPath = result.GetValue(report)?.FullName ?? DefaultReportPath();
    var reportDirectory = Path.GetDirectoryName(reportPath)!;
    var figures = Path.Combine(reportDirectory, "lab");
    Directory.CreateDirectory(figures);
    var wanted = result.GetValue(only)?.ToUpperInvariant().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    var settings = new SampleSettings { Quick = isQuick, Verbose = result.GetValue(verbose) };
    var console = AnsiConsole.Console;
    var clock = Stopwatch.StartNew();
    await using var cluster = await EmbeddedKafkaCluster.StartAsync(cancellationToken: cancellationToken);
    cluster.CreateTopic(settings.Topic, SampleSettings.DefaultPartitions);
    var broker = $"embedded Kafka (the C# broker), one broker at {cluster.BootstrapServers}, topic `{settings.Topic}` with 6 partitions";
    console.MarkupLine($"[bold]Lab A–I[/] on {Markup.Escape(broker)}");
    var results = new List<LabResult>();
    foreach (var (id, run) in LabSections.Create(isQuick, figures))
    {
        if (wanted is not null && !wanted.Contains(id))
        {
            continue;
        }

        console.Write(new Rule($"[bold]Section {id}: {Markup.Escape(LabQuestions.All[id].Title)}[/]"));
        var ctx = SampleContext.ForCluster(cluster, settings, console, cancellationToken);
        try
        {
            var summary = await run(ctx);
            summary.ToReport().Render(console);
            var broken = summary.CheckInvariants(settings.Records);
            foreach (var sentence in broken)
            {
                console.MarkupLine($"[red]invariant broken:[/] {Markup.Escape(sentence)}");
            }

            results.Add(new LabResult(id, summary, broken, null));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine($"[red]section {id} failed:[/] {Markup.Escape(settings.Verbose ? e.ToString() : e.Message)}");
            results.Add(new LabResult(id, null, [], e.Message));
        }
    }

    var labRun = new LabRun(results, broker, isQuick, clock.Elapsed);
    var document = LabDocument.Build(labRun, reportDirectory);
    await File.WriteAllTextAsync(reportPath, LabMarkdown.Render(document, reportDirectory), cancellationToken);
    var pdfPath = Path.ChangeExtension(reportPath, ".pdf");
    LabPdf.Write(document, pdfPath);
    console.MarkupLine($"[bold]Done in {clock.Elapsed.TotalSeconds:0} s[/]: {results.Count} sections, {labRun.Failed} with broken invariants or errors. Report: {Markup.Escape(reportPath)} and {Markup.Escape(pdfPath)}");
    return labRun.Failed == 0 ? 0 : 1;
});

return await parsed.InvokeAsync();

static string DefaultReportPath()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Breadcrumb.Kafka.sln")))
        {
            return Path.Combine(dir.FullName, "docs", "lab-report.md");
        }
    }

    return Path.GetFullPath("lab-report.md");
}

using System.CommandLine;
using Spectre.Console;

namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// The command line every lab sample shares (<c>-f</c>, <c>--bootstrap-servers</c>, <c>-t</c>, <c>--records</c>,
/// <c>--seed</c>, <c>--json</c>, <c>--verbose</c>, <c>--quick</c>), plus the section's own options; runs the section
/// and prints its summary as tables or, with <c>--json</c>, one JSON object on stdout.
/// </summary>
public sealed class SampleCommand
{
    private readonly Option<FileInfo?> config = new("--config", "-f")
    {
        Description = "librdkafka.config file (key=value, as Confluent Cloud's client setup gives it) naming a real cluster.",
        HelpName = "librdkafka.config",
    };

    private readonly Option<string?> bootstrap = new("--bootstrap-servers", "-b")
    {
        Description = "host:port of a Kafka cluster (overrides bootstrap.servers of -f). Without -f and -b: the broker host "
            + "(samples/Broker) if one runs, else an embedded broker in this process.",
    };

    private readonly Option<string> topic = new("--topic", "-t")
    {
        Description = "The lab topic (6 partitions when the sample creates it).",
        DefaultValueFactory = _ => SampleSettings.DefaultTopic,
    };

    private readonly Option<int> records = new("--records", "-n")
    {
        Description = "Records each producer sends (the lab's bcsample.json has 1000).",
        DefaultValueFactory = _ => 1000,
    };

    private readonly Option<int> seed = new("--seed") { Description = "Seed of generated records, random keys and coin flips.", DefaultValueFactory = _ => 42 };
    private readonly Option<bool> json = new("--json") { Description = "Print one JSON summary on stdout (logs and tables go to stderr)." };
    private readonly Option<bool> verbose = new("--verbose", "-v") { Description = "Show client logs and stack traces of errors." };
    private readonly Option<bool> quick = new("--quick", "-q") { Description = "Shorten the lab's waits (pacing, pauses) for a fast run." };
    private readonly string section;

    /// <summary>Initializes a new instance of the <see cref="SampleCommand"/> class.</summary>
    /// <param name="section">The lab section, "A" to "I" (or a name for non-section tools).</param>
    /// <param name="exercise">The <c>--help</c> text: what the exercise is and what to look at.</param>
    public SampleCommand(string section, string exercise)
    {
        this.section = section;
        records.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                r.AddError("--records must be between 1 and 100000.");
            }
        });
        Root = new RootCommand(exercise) { config, bootstrap, topic, records, seed, json, verbose, quick };
    }

    /// <summary>Gets the root command, to add the section's own options.</summary>
    public RootCommand Root { get; }

    /// <summary>Adds one of the section's own options.</summary>
    /// <typeparam name="T">The option type.</typeparam>
    /// <param name="option">The option.</param>
    /// <returns>The same option, to read its value in the run delegate.</returns>
    public T Add<T>(T option)
        where T : Option
    {
        Root.Add(option);
        return option;
    }

    /// <summary>Parses the arguments, connects, runs the section and prints its summary.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="run">Runs the section.</param>
    /// <param name="stdout">Standard output (tests pass a writer).</param>
    /// <param name="stderr">Standard error (tests pass a writer).</param>
    /// <returns>The exit code: 0 done, 1 failed or an invariant broke, 2 bad arguments, 130 cancelled.</returns>
    public async Task<int> RunAsync(
        string[] args,
        Func<SampleContext, ParseResult, Task<SectionSummary>> run,
        TextWriter? stdout = null,
        TextWriter? stderr = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var parsed = Root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await stderr.WriteLineAsync($"{section}: {OneLine(parsed.Errors[0].Message)} (see --help)").ConfigureAwait(false);
            return 2;
        }

        Root.SetAction((result, token) => ExecuteAsync(result, run, stdout, stderr, token));
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }).ConfigureAwait(false);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private async Task<int> ExecuteAsync(
        ParseResult result,
        Func<SampleContext, ParseResult, Task<SectionSummary>> run,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var settings = new SampleSettings
        {
            ConfigFile = result.GetValue(config)?.FullName,
            BootstrapServers = result.GetValue(bootstrap),
            Topic = result.GetValue(topic)!,
            Records = result.GetValue(records),
            Seed = result.GetValue(seed),
            Json = result.GetValue(json),
            Verbose = result.GetValue(verbose),
            Quick = result.GetValue(quick),
        };
        var console = SampleConsole.ForWriter(settings.Json ? stderr : stdout);
        try
        {
            await using var context = await SampleContext.CreateAsync(settings, console, cancellationToken).ConfigureAwait(false);
            console.MarkupLine($"[bold]Lab section {Markup.Escape(section)}[/] on {Markup.Escape(context.Describe())}, topic [green]{Markup.Escape(settings.Topic)}[/]");
            var summary = await run(context, result).ConfigureAwait(false);
            if (settings.Json)
            {
                await stdout.WriteLineAsync(SampleJson.Serialize(summary)).ConfigureAwait(false);
            }
            else
            {
                summary.ToReport().Render(console);
            }

            var broken = summary.CheckInvariants(settings.Records);
            foreach (var sentence in broken)
            {
                await stderr.WriteLineAsync($"{section}: invariant broken: {sentence}").ConfigureAwait(false);
            }

            return broken.Count == 0 ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"{section}: cancelled.").ConfigureAwait(false);
            return 130;
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync(settings.Verbose ? e.ToString() : $"{section}: {OneLine(e.Message)}").ConfigureAwait(false);
            return 1;
        }
    }
}

using Breadcrumb.Kafka.Broker.Tool.CommandLine;
using Breadcrumb.Kafka.Broker.Tool.Hosting;

namespace Breadcrumb.Kafka.Broker.Tool;

/// <summary>kafka-embedded: parses the arguments, starts the cluster, serves until asked to stop.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var arguments = new ToolCommandLine().Parse(args);
        if (arguments.Errors.Count > 0)
        {
            foreach (var error in arguments.Errors)
            {
                await Console.Error.WriteLineAsync($"{ToolDefaults.CommandName}: {error}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync($"Run '{ToolDefaults.CommandName} --help' to see every option.").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        if (arguments.Settings is not { } settings)
        {
            return await arguments.Parsed.InvokeAsync().ConfigureAwait(false);
        }

        using var stop = new CancellationTokenSource();
        using var signals = StopSignals.Register(stop);
        using var loggerFactory = ToolLogging.Create(settings.LogLevel);
        var input = settings.ExitOnStdinClose ? Console.OpenStandardInput() : null;
        try
        {
            return await new ToolHost(Console.Out, Console.Error, input).RunAsync(settings, loggerFactory, stop.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The last line of defence: a message and exit code 1 rather than a runtime crash dump.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"{ToolDefaults.CommandName}: failed: {e}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}

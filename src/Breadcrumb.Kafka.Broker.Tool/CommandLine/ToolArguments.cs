using System.CommandLine;

namespace Breadcrumb.Kafka.Broker.Tool.CommandLine;

/// <summary>What <see cref="ToolCommandLine.Parse"/> found.</summary>
/// <param name="Parsed">System.CommandLine's result, which prints help or the version when asked.</param>
/// <param name="Settings">The checked settings; null when there are errors or help or the version was asked for.</param>
/// <param name="Errors">Each bad argument, naming the option and what it accepts.</param>
internal sealed record ToolArguments(ParseResult Parsed, ToolSettings? Settings, IReadOnlyList<string> Errors)
{
    /// <summary>Gets whether the arguments asked for --help or --version rather than a cluster.</summary>
    public bool AsksForHelpOrVersion => Errors.Count == 0 && Settings is null;
}

namespace Breadcrumb.Kafka.Broker.Tool;

/// <summary>The tool's exit codes, as the README documents them.</summary>
internal static class ExitCodes
{
    /// <summary>Stopped as asked: Ctrl+C, SIGTERM or the end of stdin.</summary>
    public const int Stopped = 0;

    /// <summary>The cluster could not start or failed: a port in use, an address not on this machine.</summary>
    public const int Failed = 1;

    /// <summary>An argument is not valid; the message names the option and what it accepts.</summary>
    public const int BadArguments = 2;
}

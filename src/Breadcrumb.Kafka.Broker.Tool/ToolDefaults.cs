using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Broker.Tool;

/// <summary>The tool's defaults and limits, in one place; the help text and the README quote them.</summary>
internal static class ToolDefaults
{
    public const string CommandName = "kafka-embedded";
    public const int BrokerCount = 1;
    public const int MaxBrokerCount = 64;
    public const string Host = "127.0.0.1";
    public const int DefaultPartitions = 1;
    public const LogLevel LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning;
}

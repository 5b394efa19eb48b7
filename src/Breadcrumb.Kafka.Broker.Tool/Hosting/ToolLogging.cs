using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Breadcrumb.Kafka.Broker.Tool.Hosting;

/// <summary>The broker's log, on stderr only: stdout carries the bootstrap address and nothing else.</summary>
internal static class ToolLogging
{
    public static ILoggerFactory? Create(LogLevel level) =>
        level == LogLevel.None
            ? null
            : LoggerFactory.Create(builder => builder
                .SetMinimumLevel(level)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss.fff ";
                    o.ColorBehavior = LoggerColorBehavior.Disabled;
                }));
}

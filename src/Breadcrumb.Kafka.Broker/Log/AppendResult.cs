using Breadcrumb.Kafka.Broker.Protocol;

namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>The outcome of appending one batch: where it went, or why it did not.</summary>
internal readonly record struct AppendResult(ErrorCode Error, long BaseOffset, long LogAppendTime, long LogStartOffset, string? Message = null)
{
    public static AppendResult Failed(ErrorCode error, long logStartOffset, string? message = null) => new(error, -1, -1, logStartOffset, message);
}

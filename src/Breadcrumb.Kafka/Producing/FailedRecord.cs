using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <summary>Describes a record that was sent but not delivered.</summary>
/// <param name="Key">The record's key, or <see langword="null"/>.</param>
/// <param name="Partition">The partition it was meant for, or -1 when none had been chosen.</param>
/// <param name="Code">The Kafka error code, e.g. <see cref="ErrorCode.Local_MsgTimedOut"/> or <see cref="ErrorCode.Local_PurgeQueue"/>.</param>
/// <param name="Reason">The error text.</param>
public sealed record FailedRecord(string? Key, int Partition, ErrorCode Code, string Reason);

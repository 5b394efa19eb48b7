namespace Breadcrumb.Kafka.Hosting;

/// <summary>Names the headers a hosted handler adds to a record it sends to the dead-letter topic (besides the record's own headers).</summary>
public static class DeadLetterHeaders
{
    /// <summary>The topic the record was read from.</summary>
    public const string Topic = "breadcrumb.dlq.topic";

    /// <summary>The partition it was read from (decimal text).</summary>
    public const string Partition = "breadcrumb.dlq.partition";

    /// <summary>Its offset there (decimal text).</summary>
    public const string Offset = "breadcrumb.dlq.offset";

    /// <summary>The consumer group that gave up on it.</summary>
    public const string Group = "breadcrumb.dlq.group";

    /// <summary>Where it failed: <c>deserialize</c> (never handled) or <c>handle</c> (the handler threw every time).</summary>
    public const string Stage = "breadcrumb.dlq.stage";

    /// <summary>The last exception's type name.</summary>
    public const string ExceptionType = "breadcrumb.dlq.exception.type";

    /// <summary>The last exception's message.</summary>
    public const string ExceptionMessage = "breadcrumb.dlq.exception.message";

    /// <summary>How many times it was tried (decimal text).</summary>
    public const string Attempts = "breadcrumb.dlq.attempts";
}

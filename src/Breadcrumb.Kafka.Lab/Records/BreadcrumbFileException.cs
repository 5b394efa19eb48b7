using System.Globalization;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Reports malformed breadcrumb input: the source (file path), the 1-based line, the 0-based byte offset
/// and, when the problem is inside a record, the record's 0-based index.
/// </summary>
/// <remarks>
/// The message reads like <c>bcsample.json line 12, byte offset 3456 (record 7): field METERS must be a string, found Number.</c>
/// followed by a hint on how to fix it. It never quotes field values.
/// </remarks>
public sealed class BreadcrumbFileException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public BreadcrumbFileException()
        : this("The breadcrumb file is malformed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public BreadcrumbFileException(string message)
        : base(message)
    {
        FilePath = string.Empty;
        Reason = message;
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BreadcrumbFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Reason = message;
    }

    internal BreadcrumbFileException(
        string source, long line, long bytePosition, long? recordIndex, string reason, string hint, Exception? innerException = null)
        : base(Format(source, line, bytePosition, recordIndex, reason, hint), innerException)
    {
        FilePath = source;
        Line = line;
        BytePosition = bytePosition;
        RecordIndex = recordIndex;
        Reason = reason;
    }

    /// <summary>Gets the file path (or stream name) the error is in.</summary>
    public string FilePath { get; }

    /// <summary>Gets the 1-based line of the error (lines end at <c>\n</c>).</summary>
    public long Line { get; }

    /// <summary>Gets the 0-based byte offset of the error from the start of the file.</summary>
    public long BytePosition { get; }

    /// <summary>Gets the 0-based index of the record in the file, or <see langword="null"/> when the error is outside any record.</summary>
    public long? RecordIndex { get; }

    /// <summary>Gets what is wrong, without the position or the hint, e.g. <c>field METERS must be a string, found Number</c>.</summary>
    public string Reason { get; }

    private static string Format(string source, long line, long bytePosition, long? recordIndex, string reason, string hint)
    {
        var record = recordIndex is { } index ? string.Create(CultureInfo.InvariantCulture, $" (record {index})") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{source} line {line}, byte offset {bytePosition}{record}: {reason}. {hint}");
    }
}

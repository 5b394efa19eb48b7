namespace Breadcrumb.Kafka;

/// <summary>
/// Reports a malformed <c>librdkafka.config</c> file: the file path, the 1-based line and the key involved.
/// </summary>
/// <remarks>The message never contains a setting's value, so it is safe to log even when the file holds secrets.</remarks>
public sealed class KafkaConfigFileException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public KafkaConfigFileException()
        : this("The librdkafka config file is malformed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message; it must not contain secret values.</param>
    public KafkaConfigFileException(string message)
        : base(message)
    {
        FilePath = string.Empty;
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message; it must not contain secret values.</param>
    /// <param name="innerException">The cause.</param>
    public KafkaConfigFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
    }

    internal KafkaConfigFileException(string filePath, int? line, string? key, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
        Line = line;
        Key = key;
    }

    /// <summary>Gets the path of the config file, as given.</summary>
    public string FilePath { get; }

    /// <summary>Gets the 1-based line of the problem, or <see langword="null"/> when it concerns the whole file (a missing setting).</summary>
    public int? Line { get; }

    /// <summary>Gets the key of the setting involved, or <see langword="null"/> when the line has none.</summary>
    public string? Key { get; }
}

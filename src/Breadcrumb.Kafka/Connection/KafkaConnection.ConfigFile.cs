namespace Breadcrumb.Kafka;

/// <summary>Creates connections from <c>librdkafka.config</c> files.</summary>
public sealed partial class KafkaConnection
{
    /// <summary>
    /// Creates a connection from a <c>librdkafka.config</c> properties file as Confluent's examples write it
    /// (<c>bootstrap.servers=…</c>, <c>security.protocol=SASL_SSL</c>, <c>sasl.mechanisms=PLAIN</c>, <c>sasl.username=…</c>, <c>sasl.password=…</c>).
    /// </summary>
    /// <param name="path">The config file, e.g. <c>~/.confluent/librdkafka.config</c> (the lab's <c>-f</c> argument).</param>
    /// <returns>A connection whose <see cref="Source"/> is <paramref name="path"/>.</returns>
    /// <remarks>
    /// Each line is <c>key=value</c>, split at the first <c>=</c> (so values may contain <c>=</c>), with whitespace trimmed
    /// around key and value; blank lines and lines starting with <c>#</c> are ignored. Keys must be librdkafka properties
    /// (or Confluent.Kafka's <c>dotnet.*</c>; any key once <c>plugin.library.paths</c> loads plugins), checked here so a typo
    /// fails on its line rather than when a client is built. The Schema Registry settings Confluent puts in the same file
    /// (<c>schema.registry.url</c>, <c>basic.auth.credentials.source</c>, <c>basic.auth.user.info</c>) are dropped, as
    /// Confluent's examples do. Error messages give the file, line and key but never a value, so secrets stay out of logs.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist; the message gives the full path tried.</exception>
    /// <exception cref="KafkaConfigFileException">A line has no <c>=</c>, an empty key or value, an unknown key, or repeats a key; or <c>bootstrap.servers</c> is missing or not <c>host:port</c>.</exception>
    public static KafkaConnection FromConfigFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (properties, lines) = LibrdkafkaConfigParser.Parse(ReadConfigLines(path), path);
        return LibrdkafkaConfigParser.ToConnection(properties, lines, path);
    }

    /// <summary>Creates a connection from a <c>librdkafka.config</c> properties file, reading it asynchronously.</summary>
    /// <param name="path">The config file.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>A connection whose <see cref="Source"/> is <paramref name="path"/>.</returns>
    /// <remarks>Parses exactly as <see cref="FromConfigFile(string)"/> does.</remarks>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist; the message gives the full path tried.</exception>
    /// <exception cref="KafkaConfigFileException">The file is malformed (see <see cref="FromConfigFile(string)"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<KafkaConnection> FromConfigFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string[] text;
        try
        {
            text = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw NotFound(path, ex);
        }

        var (properties, lines) = LibrdkafkaConfigParser.Parse(text, path);
        return LibrdkafkaConfigParser.ToConnection(properties, lines, path);
    }

    private static string[] ReadConfigLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw NotFound(path, ex);
        }
    }

    private static FileNotFoundException NotFound(string path, Exception inner) => new(
        $"Kafka config file '{path}' was not found (full path: {Path.GetFullPath(path)}). Pass the librdkafka.config file Confluent Cloud generated for your cluster (the lab's -f argument), or use KafkaConnection.FromBootstrapServers.",
        path,
        inner);
}

using System.Runtime.CompilerServices;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Reads, writes, generates and measures <c>bcsample.json</c> breadcrumb files: a JSON array of records,
/// or one JSON record per line.
/// </summary>
/// <remarks>
/// Reading streams: only the record being parsed (plus a 64 KiB buffer) is in memory, so a file of millions of
/// records reads in constant memory. Every field must be a JSON string; fields other than the fourteen lab fields
/// are ignored. Malformed input throws <see cref="BreadcrumbFileException"/> with the line and byte offset,
/// unless <see cref="BreadcrumbReadOptions.SkipInvalidRecords"/> is set.
/// </remarks>
public static partial class BreadcrumbFile
{
    /// <summary>Streams the records of a breadcrumb file, detecting a JSON array (<c>[</c>) or JSON lines (<c>{</c>) from its first byte.</summary>
    /// <param name="path">The file path; error messages name it as given.</param>
    /// <param name="options">How strict to be; <see cref="BreadcrumbReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read between records.</param>
    /// <returns>The records in file order; the file is opened on the first <c>MoveNextAsync</c> and closed when enumeration ends.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or <paramref name="options"/> are invalid (thrown at once).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist (thrown on enumeration).</exception>
    /// <exception cref="BreadcrumbFileException">The file is malformed (thrown on enumeration).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IAsyncEnumerable<BreadcrumbRecord> ReadAsync(
        string path, BreadcrumbReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= BreadcrumbReadOptions.Default;
        options.Validate();
        return ReadFileCore(path, options, cancellationToken);
    }

    /// <summary>Streams the records of a breadcrumb stream, detecting a JSON array or JSON lines from its first byte.</summary>
    /// <param name="stream">The UTF-8 input; it is read to the end but not disposed.</param>
    /// <param name="sourceName">The name error messages use for the stream, e.g. a file name.</param>
    /// <param name="options">How strict to be; <see cref="BreadcrumbReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read between records.</param>
    /// <returns>The records in stream order.</returns>
    /// <exception cref="ArgumentException"><paramref name="sourceName"/> is empty, or <paramref name="options"/> are invalid (thrown at once).</exception>
    /// <exception cref="BreadcrumbFileException">The input is malformed (thrown on enumeration).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IAsyncEnumerable<BreadcrumbRecord> ReadAsync(
        Stream stream, string sourceName, BreadcrumbReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        options ??= BreadcrumbReadOptions.Default;
        options.Validate();
        return ReadCore(stream, sourceName, options, cancellationToken);
    }

    private static async IAsyncEnumerable<BreadcrumbRecord> ReadFileCore(
        string path, BreadcrumbReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var record in ReadCore(stream, path, options, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }

    private static async IAsyncEnumerable<BreadcrumbRecord> ReadCore(
        Stream stream, string sourceName, BreadcrumbReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scanner = new BreadcrumbScanner(sourceName, options);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (scanner.Next(out var record))
            {
                case ScanStatus.Record:
                    yield return record!;
                    break;
                case ScanStatus.NeedData:
                    await scanner.FillAsync(stream, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    yield break;
            }
        }
    }

    private static FileStream OpenRead(string path)
    {
        try
        {
            // bufferSize 0: the scanner has its own buffer, a second copy would only cost time.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (FileNotFoundException ex)
        {
            throw new FileNotFoundException(
                $"Breadcrumb file '{path}' was not found (full path: {Path.GetFullPath(path)}). Generate one with BreadcrumbFile.WriteAsync(path, BreadcrumbFile.Generate(1000, seed)).",
                path,
                ex);
        }
    }
}

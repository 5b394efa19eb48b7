namespace Breadcrumb.Kafka.Lab;

/// <summary>Writes breadcrumb files.</summary>
public static partial class BreadcrumbFile
{
    /// <summary>Writes records to a file, replacing it, as a one-line JSON array or as JSON lines.</summary>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="records">The records; enumerated once, lazily, so a generated sequence is never held whole.</param>
    /// <param name="format">The layout; <see cref="BreadcrumbFileFormat.JsonArray"/> matches the lab's file.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>The number of records written.</returns>
    /// <remarks>Fields are written in the lab's order, spaced like Python's <c>json.dumps</c>: <c>{"EVENT_NO_TRIP": "167589364", ...}</c>.</remarks>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or <paramref name="format"/> is unknown.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; the file is left partly written.</exception>
    public static Task<long> WriteAsync(
        string path, IEnumerable<BreadcrumbRecord> records, BreadcrumbFileFormat format = BreadcrumbFileFormat.JsonArray, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return WriteAsync(path, records.ToAsyncEnumerable(), format, cancellationToken);
    }

    /// <summary>Writes records from an asynchronous source (such as <see cref="ReadAsync(string, BreadcrumbReadOptions?, CancellationToken)"/>) to a file, replacing it.</summary>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="records">The records, enumerated once.</param>
    /// <param name="format">The layout.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>The number of records written.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or <paramref name="format"/> is unknown.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; the file is left partly written.</exception>
    public static async Task<long> WriteAsync(
        string path, IAsyncEnumerable<BreadcrumbRecord> records, BreadcrumbFileFormat format = BreadcrumbFileFormat.JsonArray, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(records);
        ValidateFormat(format);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await WriteAsync(stream, records, format, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes records to a stream as a one-line JSON array or as JSON lines.</summary>
    /// <param name="stream">The output; written but not disposed.</param>
    /// <param name="records">The records, enumerated once, lazily.</param>
    /// <param name="format">The layout.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>The number of records written.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is unknown.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/>, <paramref name="records"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<long> WriteAsync(
        Stream stream, IEnumerable<BreadcrumbRecord> records, BreadcrumbFileFormat format = BreadcrumbFileFormat.JsonArray, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return WriteAsync(stream, records.ToAsyncEnumerable(), format, cancellationToken);
    }

    /// <summary>Writes records to a stream as a one-line JSON array or as JSON lines.</summary>
    /// <param name="stream">The output; written but not disposed.</param>
    /// <param name="records">The records, enumerated once.</param>
    /// <param name="format">The layout.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <returns>The number of records written.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is unknown.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/>, <paramref name="records"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<long> WriteAsync(
        Stream stream, IAsyncEnumerable<BreadcrumbRecord> records, BreadcrumbFileFormat format = BreadcrumbFileFormat.JsonArray, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(records);
        ValidateFormat(format);
        var writer = new BreadcrumbJsonWriter(stream, format);
        writer.WriteStart();
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Write(record);
            if (writer.ShouldFlush)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEnd();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return writer.Count;
    }

    private static void ValidateFormat(BreadcrumbFileFormat format)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentException($"format must be JsonArray or JsonLines (was {(int)format}).", nameof(format));
        }
    }
}

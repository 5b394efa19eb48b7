namespace Breadcrumb.Kafka.Lab;

/// <summary>Measures breadcrumb files the way the lab's section C does with <c>wc bcsample.json</c>.</summary>
public static partial class BreadcrumbFile
{
    /// <summary>Counts the lines, words and bytes of a file as <c>wc</c> does.</summary>
    /// <param name="path">The file to measure.</param>
    /// <param name="cancellationToken">Stops the count.</param>
    /// <returns>The counts; <see cref="BreadcrumbFileCounts.ToString"/> prints them as <c>wc</c> does.</returns>
    /// <remarks>A one-line JSON array without a final newline has 0 lines, as in the lab's <c>0 10281908 124760360 bcsample.json</c>.</remarks>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<BreadcrumbFileCounts> CountAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await CountAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Counts the lines, words and bytes of a stream, read to its end, as <c>wc</c> does.</summary>
    /// <param name="stream">The input; read to the end but not disposed.</param>
    /// <param name="cancellationToken">Stops the count.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<BreadcrumbFileCounts> CountAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[BreadcrumbFileDefaults.BufferSize];
        long lines = 0, words = 0, bytes = 0;
        var inWord = false;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            bytes += read;
            foreach (var b in buffer.AsSpan(0, read))
            {
                // wc's word separators in the C locale: isspace().
                var space = b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';
                if (b == (byte)'\n')
                {
                    lines++;
                }

                if (!space && !inWord)
                {
                    words++;
                }

                inWord = !space;
            }
        }

        return new BreadcrumbFileCounts(lines, words, bytes);
    }
}

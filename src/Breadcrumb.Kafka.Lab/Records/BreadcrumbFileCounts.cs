using System.Globalization;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Holds what <c>wc</c> prints for a file: newline, word and byte counts.</summary>
/// <param name="Lines">The number of <c>\n</c> bytes (a file without a final newline counts one less, as in <c>wc</c>).</param>
/// <param name="Words">The number of maximal runs of bytes that are not ASCII whitespace (space, \t, \n, \v, \f, \r).</param>
/// <param name="Bytes">The file length in bytes.</param>
public sealed record BreadcrumbFileCounts(long Lines, long Words, long Bytes)
{
    /// <summary>Returns the counts as <c>wc</c> prints them: <c>lines words bytes</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Lines} {Words} {Bytes}");
}

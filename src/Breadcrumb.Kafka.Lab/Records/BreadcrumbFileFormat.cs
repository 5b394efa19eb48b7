namespace Breadcrumb.Kafka.Lab;

/// <summary>Selects how <see cref="BreadcrumbFile"/> lays records out in a file.</summary>
public enum BreadcrumbFileFormat
{
    /// <summary>
    /// Writes one JSON array on a single line with no trailing newline, spaced like Python's
    /// <c>json.dump(records, f)</c>, so <c>wc</c> reports 0 lines as in the lab's section C.
    /// </summary>
    JsonArray,

    /// <summary>Writes one JSON object per line (JSON Lines / NDJSON), each line ending in <c>\n</c>.</summary>
    JsonLines,
}

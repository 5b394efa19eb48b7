using System.Globalization;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Configures how <see cref="BreadcrumbFile"/> reads a breadcrumb file.</summary>
/// <remarks>
/// The defaults are strict: the first invalid record stops the read with a <see cref="BreadcrumbFileException"/>.
/// Fields other than the fourteen lab fields are always ignored, whatever their type.
/// </remarks>
public sealed class BreadcrumbReadOptions
{
    /// <summary>Gets the default, strict options.</summary>
    public static BreadcrumbReadOptions Default { get; } = new();

    /// <summary>
    /// Gets a value indicating whether invalid records are skipped instead of stopping the read.
    /// </summary>
    /// <value>Default <see langword="false"/>.</value>
    /// <remarks>
    /// Skipped: a record with a wrong field type, a duplicated or missing field, and an array element that is
    /// not an object. In a JSON-lines file a line that is not valid JSON is skipped up to the next newline.
    /// Never skipped: an unknown file shape, broken JSON inside a JSON array, and a record longer than
    /// <see cref="MaxRecordBytes"/>. Each skipped record is reported to <see cref="InvalidRecordSkipped"/>.
    /// </remarks>
    public bool SkipInvalidRecords { get; init; }

    /// <summary>Gets the callback told about each skipped record, with the error it would have thrown.</summary>
    /// <value>Default <see langword="null"/>. Requires <see cref="SkipInvalidRecords"/>.</value>
    /// <remarks>Called on the reading thread, in file order, before the next record is returned.</remarks>
    public Action<BreadcrumbFileException>? InvalidRecordSkipped { get; init; }

    /// <summary>Gets a value indicating whether a JSON number is accepted where a field needs a string.</summary>
    /// <value>Default <see langword="false"/>: <c>"METERS": 81607</c> is an error; when <see langword="true"/> the number's text becomes the value.</value>
    public bool AllowNumbersAsStrings { get; init; }

    /// <summary>Gets a value indicating whether a record may lack some of the fourteen fields.</summary>
    /// <value>Default <see langword="false"/>: a missing field (often a misspelt name such as <c>GPS_HODP</c>) is an error; when <see langword="true"/> it reads as empty.</value>
    public bool AllowMissingFields { get; init; }

    /// <summary>Gets the longest record, in bytes, the reader buffers before it gives up.</summary>
    /// <value>Default 1 MiB; allowed 1 KiB to 1 GiB. Guards against a missing closing quote swallowing the file.</value>
    public int MaxRecordBytes { get; init; } = BreadcrumbFileDefaults.MaxRecordBytes;

    /// <summary>Throws when the options contradict each other or are out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range or set without the option it needs.</exception>
    internal void Validate()
    {
        if (MaxRecordBytes is < BreadcrumbFileDefaults.MinMaxRecordBytes or > BreadcrumbFileDefaults.MaxMaxRecordBytes)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"BreadcrumbReadOptions.MaxRecordBytes must be between {BreadcrumbFileDefaults.MinMaxRecordBytes} and {BreadcrumbFileDefaults.MaxMaxRecordBytes} (was {MaxRecordBytes})."),
                "options");
        }

        if (InvalidRecordSkipped is not null && !SkipInvalidRecords)
        {
            throw new ArgumentException(
                "BreadcrumbReadOptions.InvalidRecordSkipped is set but SkipInvalidRecords is false, so it would never be called; set SkipInvalidRecords = true.",
                "options");
        }
    }
}

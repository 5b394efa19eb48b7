namespace Breadcrumb.Kafka.Lab;

/// <summary>Holds the defaults and limits of <see cref="BreadcrumbFile"/> and <see cref="BreadcrumbReadOptions"/>.</summary>
internal static class BreadcrumbFileDefaults
{
    /// <summary>The size of the read and write buffers.</summary>
    public const int BufferSize = 64 * 1024;

    /// <summary>The default <see cref="BreadcrumbReadOptions.MaxRecordBytes"/>: a lab record is about 340 bytes.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    /// <summary>The smallest allowed <see cref="BreadcrumbReadOptions.MaxRecordBytes"/>.</summary>
    public const int MinMaxRecordBytes = 1024;

    /// <summary>The largest allowed <see cref="BreadcrumbReadOptions.MaxRecordBytes"/>.</summary>
    public const int MaxMaxRecordBytes = 1024 * 1024 * 1024;
}

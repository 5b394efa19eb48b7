namespace Breadcrumb.Kafka.Lab;

/// <summary>Tells the caller of <see cref="BreadcrumbScanner.Next"/> what happened.</summary>
internal enum ScanStatus
{
    /// <summary>A record was parsed.</summary>
    Record,

    /// <summary>The buffer ends inside the next record: call <see cref="BreadcrumbScanner.FillAsync"/>.</summary>
    NeedData,

    /// <summary>The file is finished.</summary>
    End,

    /// <summary>Internal: a token outside records was consumed, keep going.</summary>
    Continue,
}

using System.Runtime.InteropServices;

namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// An int on a cache line of its own: written on every send by the caller's thread while librdkafka's thread reads
/// the producer's other fields for every report. (A generic type cannot have explicit layout, so it lives here.)
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal struct PaddedFlag
{
    [FieldOffset(64)]
    public int Value;
}

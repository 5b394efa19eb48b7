using System.Diagnostics;
using System.Globalization;

/// <summary>A broker process's footprint at one moment: heap after a full collection, working set, CPU, allocations.</summary>
internal readonly record struct BrokerStats(long ManagedBytes, long WorkingSetBytes, TimeSpan Cpu, long AllocatedBytes)
{
    /// <summary>Measures this process (the --serve broker) after a full, compacting collection.</summary>
    public static BrokerStats Now()
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return new BrokerStats(managed, self.WorkingSet64, self.TotalProcessorTime, allocated);
    }

    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{ManagedBytes} {WorkingSetBytes} {Cpu.Ticks} {AllocatedBytes}");

    public static BrokerStats Parse(string[] parts) => new(
        long.Parse(parts[0], CultureInfo.InvariantCulture),
        long.Parse(parts[1], CultureInfo.InvariantCulture),
        TimeSpan.FromTicks(long.Parse(parts[2], CultureInfo.InvariantCulture)),
        long.Parse(parts[3], CultureInfo.InvariantCulture));
}

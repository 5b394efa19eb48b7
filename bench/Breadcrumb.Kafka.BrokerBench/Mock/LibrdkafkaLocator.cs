using System.Reflection;
using System.Runtime.InteropServices;

namespace Breadcrumb.Kafka.BrokerBench.Mock;

/// <summary>
/// Finds the librdkafka binary that Confluent.Kafka itself loaded, so the mock-cluster API is bound
/// to the same file (on Debian 12 without libsasl2 that is <c>centos8-librdkafka.so</c>, not <c>librdkafka.so</c>).
/// </summary>
internal static class LibrdkafkaLocator
{
    internal const string LibraryName = "librdkafka";

    private static readonly Lazy<IntPtr> Handle = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int resolverInstalled;

    /// <summary>Installs the DllImport resolver for this assembly (idempotent).</summary>
    public static void EnsureResolver()
    {
        if (Interlocked.Exchange(ref resolverInstalled, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(LibrdkafkaLocator).Assembly, Resolve);
        }

        _ = Handle.Value;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibraryName ? Handle.Value : IntPtr.Zero;

    private static IntPtr Load()
    {
        // Make Confluent.Kafka pick and load its native library first: it knows the fallbacks.
        _ = Confluent.Kafka.Library.Version;

        var failures = new List<string>();
        foreach (var candidate in Candidates())
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }

            failures.Add(candidate);
        }

        throw new PlatformNotSupportedException(
            $"Breadcrumb.Kafka.Testing could not load librdkafka for {RuntimeInformation.RuntimeIdentifier} " +
            $"({RuntimeInformation.OSDescription}). The embedded broker needs the native library shipped by the " +
            "librdkafka.redist package, which covers linux-x64, linux-arm64, osx-x64, osx-arm64, win-x64 and win-x86. " +
            $"Tried: {string.Join(", ", failures)}. On another platform, point the tests at a real broker " +
            "with KAFKA_BOOTSTRAP_SERVERS instead.");
    }

    private static IEnumerable<string> Candidates()
    {
        if (OperatingSystem.IsLinux() && LoadedByConfluent() is { } loaded)
        {
            yield return loaded;
        }

        var names = NamesForThisPlatform();
        var rid = RidForThisPlatform();
        var baseDirectories = new[]
        {
            AppContext.BaseDirectory,
            Path.GetDirectoryName(typeof(Confluent.Kafka.Library).Assembly.Location) ?? AppContext.BaseDirectory,
        }.Distinct(StringComparer.Ordinal);

        foreach (var directory in baseDirectories)
        {
            foreach (var name in names)
            {
                if (rid is not null)
                {
                    yield return Path.Combine(directory, "runtimes", rid, "native", name);
                }

                yield return Path.Combine(directory, name);
            }
        }
    }

    /// <summary>Reads the process's memory map for the librdkafka file that is already mapped.</summary>
    private static string? LoadedByConfluent()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var slash = line.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0)
                {
                    continue;
                }

                var path = line[slash..].Trim();
                if (Path.GetFileName(path).EndsWith("librdkafka.so", StringComparison.Ordinal) ||
                    Path.GetFileName(path).StartsWith("librdkafka.so.", StringComparison.Ordinal))
                {
                    return path;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    private static string[] NamesForThisPlatform()
    {
        if (OperatingSystem.IsWindows())
        {
            return ["librdkafka.dll"];
        }

        if (OperatingSystem.IsMacOS())
        {
            return ["librdkafka.dylib"];
        }

        var musl = RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);
        return musl
            ? ["alpine-librdkafka.so", "librdkafka.so"]
            : ["librdkafka.so", "centos8-librdkafka.so", "centos7-librdkafka.so"];
    }

    private static string? RidForThisPlatform()
    {
        var arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.X86 => "x86",
            Architecture.Arm64 => "arm64",
            Architecture.S390x => "s390x",
            _ => null,
        };
        if (arch is null)
        {
            return null;
        }

        if (OperatingSystem.IsWindows())
        {
            return $"win-{arch}";
        }

        return OperatingSystem.IsMacOS() ? $"osx-{arch}" : $"linux-{arch}";
    }
}

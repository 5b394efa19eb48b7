using System.Collections.Concurrent;
using System.Text;

namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// Encodes keys to UTF-8 once and maps the bytes back to the key for delivery reports. Thread-safe.
/// </summary>
/// <remarks>
/// Key strategies repeat a few keys (a constant, a producer name, 1–5), so caching removes an encoding and an
/// allocation per record. At most <see cref="MaxEntries"/> keys are cached; others are encoded each time.
/// </remarks>
internal sealed class KeyBytesCache
{
    internal const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<byte[], string> keyByBytes = new(ReferenceEqualityComparer.Instance);
    private Entry? last;

    public byte[]? GetBytes(string? key)
    {
        if (key is null)
        {
            return null;
        }

        var recent = Volatile.Read(ref last);
        if (recent is not null && ReferenceEquals(recent.Key, key))
        {
            return recent.Bytes;
        }

        if (!entries.TryGetValue(key, out var entry))
        {
            if (entries.Count >= MaxEntries)
            {
                return Encoding.UTF8.GetBytes(key);
            }

            entry = entries.GetOrAdd(key, static k => new Entry(k, Encoding.UTF8.GetBytes(k)));
            keyByBytes.TryAdd(entry.Bytes, key);
        }

        Volatile.Write(ref last, entry);
        return entry.Bytes;
    }

    public string? GetKey(byte[]? bytes) =>
        bytes is null ? null : keyByBytes.TryGetValue(bytes, out var key) ? key : Encoding.UTF8.GetString(bytes);

    private sealed record Entry(string Key, byte[] Bytes);
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Writes records as UTF-8 JSON spaced like Python's <c>json.dumps</c> (<c>", "</c> and <c>": "</c>), the way the lab's
/// producer printed them, into a buffer that is flushed to the stream in large writes.
/// </summary>
internal sealed class BreadcrumbJsonWriter(Stream stream, BreadcrumbFileFormat format)
{
    private static readonly byte[][] Prefixes = [.. BreadcrumbFields.Names.Select((n, i) => Encoding.UTF8.GetBytes((i == 0 ? "{\"" : ", \"") + n + "\": "))];
    private readonly string[] values = new string[BreadcrumbFields.Count];
    private byte[] buffer = new byte[BreadcrumbFileDefaults.BufferSize];
    private int length;

    public long Count { get; private set; }

    public void WriteStart()
    {
        if (format == BreadcrumbFileFormat.JsonArray)
        {
            buffer[length++] = (byte)'[';
        }
    }

    public void WriteEnd()
    {
        Ensure(1);
        if (format == BreadcrumbFileFormat.JsonArray)
        {
            buffer[length++] = (byte)']';
        }
    }

    public void Write(BreadcrumbRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        BreadcrumbFields.CopyTo(record, values);
        var worst = 8;
        for (var i = 0; i < values.Length; i++)
        {
            worst += Prefixes[i].Length + 2 + (6 * values[i].Length);
        }

        Ensure(worst);
        if (format == BreadcrumbFileFormat.JsonArray && Count > 0)
        {
            Append(", "u8);
        }

        for (var i = 0; i < values.Length; i++)
        {
            Append(Prefixes[i]);
            WriteString(values[i]);
        }

        buffer[length++] = (byte)'}';
        if (format == BreadcrumbFileFormat.JsonLines)
        {
            buffer[length++] = (byte)'\n';
        }

        Count++;
    }

    /// <summary>Gets whether the buffer is full enough to be written out.</summary>
    public bool ShouldFlush => length >= BreadcrumbFileDefaults.BufferSize - 1024;

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        length = 0;
    }

    private void WriteString(string value)
    {
        buffer[length++] = (byte)'"';
        if (IsPlainAscii(value))
        {
            length += Encoding.ASCII.GetBytes(value, buffer.AsSpan(length));
        }
        else
        {
            Append(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes);
        }

        buffer[length++] = (byte)'"';
    }

    private static bool IsPlainAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                return false;
            }
        }

        return true;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    private void Ensure(int bytes)
    {
        if (length + bytes > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + bytes));
        }
    }
}

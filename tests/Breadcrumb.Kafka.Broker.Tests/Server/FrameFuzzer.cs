using System.Buffers.Binary;
using System.Collections;
using System.Reflection;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;

namespace Breadcrumb.Kafka.Broker.Tests.Server;

/// <summary>One fuzzed frame: its bytes, and when its header (key, version, correlation id) is intact, what answers it.</summary>
internal sealed record FuzzFrame(byte[] Bytes, ApiDescriptor Api, short Version, int CorrelationId, bool HeaderIntact, bool Raw);

/// <summary>
/// Makes request frames for one API from a seeded <see cref="Random"/>: well-formed requests full of random values
/// (topic names and partitions often pointed at a real topic, so handlers go deep), truncated, bit-flipped, with a
/// random body behind a valid header, or raw bytes with no honest size prefix.
/// </summary>
internal sealed class FrameFuzzer(Random random, string topic)
{
    private static readonly string[] TopicFields = ["Name", "Topic", "ResourceName"];
    private static readonly string[] PartitionFields = ["PartitionIndex", "Partition", "Index"];

    public FuzzFrame Next(ApiDescriptor api, int correlationId)
    {
        var version = (short)random.Next(api.MinVersion, api.MaxVersion + 1);
        var request = api.CreateRequest();
        new MessageFiller(random).Fill(request);
        Aim(request, 0);
        if (request is FetchRequest fetch)
        {
            // A fetch may wait for data; keep the waits short so the fuzz stays quick.
            fetch.MaxWaitMs = random.Next(0, 20);
        }

        var frame = RawKafkaConnection.EncodeRequest(request, version, correlationId);
        return (correlationId % 5) switch
        {
            0 => new FuzzFrame(frame, api, version, correlationId, true, false),
            1 => Intact(Resize(frame, random.Next(4, frame.Length)), api, version, correlationId),
            2 => Intact(Flip(frame), api, version, correlationId),
            3 => Intact(Resize(frame[..Math.Min(frame.Length, 12)], 12 + random.Next(0, 64), fill: true), api, version, correlationId),
            _ => new FuzzFrame(Bytes(random.Next(1, 24)), api, version, correlationId, false, true),
        };
    }

    private static FuzzFrame Intact(byte[] frame, ApiDescriptor api, short version, int correlationId)
    {
        var header = frame.Length >= 12 &&
            BinaryPrimitives.ReadInt16BigEndian(frame.AsSpan(4)) == api.Key &&
            BinaryPrimitives.ReadInt16BigEndian(frame.AsSpan(6)) == version &&
            BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(8)) == correlationId;
        return new FuzzFrame(frame, api, version, correlationId, header, false);
    }

    /// <summary>Cuts or extends a frame to <paramref name="length"/> bytes and writes a size prefix that tells the truth.</summary>
    private byte[] Resize(byte[] frame, int length, bool fill = false)
    {
        var resized = new byte[length];
        frame.AsSpan(0, Math.Min(length, frame.Length)).CopyTo(resized);
        if (fill && length > frame.Length)
        {
            random.NextBytes(resized.AsSpan(frame.Length));
        }

        BinaryPrimitives.WriteInt32BigEndian(resized, length - 4);
        return resized;
    }

    private byte[] Flip(byte[] frame)
    {
        var flipped = (byte[])frame.Clone();
        for (var i = random.Next(1, 5); i > 0 && flipped.Length > 4; i--)
        {
            flipped[random.Next(4, flipped.Length)] ^= (byte)(1 << random.Next(8));
        }

        return flipped;
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private void Aim(object target, int depth)
    {
        if (depth > 6)
        {
            return;
        }

        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var value = property.GetValue(target);
            if (property.PropertyType == typeof(string) && TopicFields.Contains(property.Name) && random.Next(2) == 0)
            {
                property.SetValue(target, topic);
            }
            else if (property.PropertyType == typeof(int) && PartitionFields.Contains(property.Name) && random.Next(2) == 0)
            {
                property.SetValue(target, random.Next(-1, 4));
            }
            else if (property.PropertyType == typeof(RecordBytes) && random.Next(2) == 0)
            {
                property.SetValue(target, new RecordBytes(new TestBatch { Key = "k", Values = ["fuzz"] }.Encode()));
            }
            else if (value is IList list && property.PropertyType.IsGenericType)
            {
                foreach (var item in list.Cast<object?>().Where(i => i is not null && i is not string && !i.GetType().IsValueType))
                {
                    Aim(item!, depth + 1);
                }
            }
            else if (value is not null && value is not string && !property.PropertyType.IsValueType && property.PropertyType != typeof(byte[]))
            {
                Aim(value, depth + 1);
            }
        }
    }
}

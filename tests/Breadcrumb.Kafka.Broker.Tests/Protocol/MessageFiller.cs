using System.Collections;
using System.Reflection;
using Breadcrumb.Kafka.Broker.Protocol;

namespace Breadcrumb.Kafka.Broker.Tests.Protocol;

/// <summary>Sets every property of a generated message (and its nested structs) to random values, nulls included.</summary>
internal sealed class MessageFiller(Random random)
{
    private const int MaxDepth = 4;

    public void Fill(object message) => Fill(message, 0);

    private void Fill(object target, int depth)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var nullable = new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;
            property.SetValue(target, Value(property.PropertyType, nullable, depth));
        }
    }

    private object? Value(Type type, bool nullable, int depth)
    {
        if (nullable && random.Next(5) == 0)
        {
            return type == typeof(RecordBytes) ? RecordBytes.Null : null;
        }

        if (type == typeof(bool)) return random.Next(2) == 1;
        if (type == typeof(sbyte)) return (sbyte)random.Next(-128, 128);
        if (type == typeof(short)) return (short)random.Next(short.MinValue, short.MaxValue);
        if (type == typeof(ushort)) return (ushort)random.Next(0, ushort.MaxValue);
        if (type == typeof(int)) return random.Next(int.MinValue, int.MaxValue);
        if (type == typeof(long)) return random.NextInt64(long.MinValue, long.MaxValue);
        if (type == typeof(double)) return random.NextDouble() * 1000;
        if (type == typeof(Guid)) return new Guid(Bytes(16));
        if (type == typeof(string)) return Text();
        if (type == typeof(byte[])) return Bytes(random.Next(0, 12));
        if (type == typeof(RecordBytes)) return new RecordBytes(Bytes(random.Next(0, 40)));
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(type)!;
            var count = depth >= MaxDepth ? 0 : random.Next(0, 3);
            for (var i = 0; i < count; i++)
            {
                list.Add(Value(element, nullable: false, depth + 1));
            }

            return list;
        }

        var nested = Activator.CreateInstance(type)!;
        Fill(nested, depth + 1);
        return nested;
    }

    private string Text()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789._-é€";
        return new string([.. Enumerable.Range(0, random.Next(0, 10)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}

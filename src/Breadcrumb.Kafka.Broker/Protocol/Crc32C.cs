using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Breadcrumb.Kafka.Broker.Protocol;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of record batch v2. Uses the CPU's CRC32 instructions (SSE4.2, ARMv8)
/// where present and a lookup table elsewhere.
/// </summary>
internal static class Crc32C
{
    private const uint Polynomial = 0x82F63B78; // reflected Castagnoli
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = ~0u;
        if (Sse42.X64.IsSupported)
        {
            ulong wide = crc;
            while (data.Length >= 8)
            {
                wide = Sse42.X64.Crc32(wide, BitConverter.ToUInt64(data));
                data = data[8..];
            }

            crc = (uint)wide;
        }
        else if (Crc32.Arm64.IsSupported)
        {
            while (data.Length >= 8)
            {
                crc = Crc32.Arm64.ComputeCrc32C(crc, BitConverter.ToUInt64(data));
                data = data[8..];
            }
        }

        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}

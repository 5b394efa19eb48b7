using System.Globalization;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Benchmarks;

/// <summary>Command-line settings and the client settings every variant shares.</summary>
internal sealed record BenchSettings(int Records, int Rounds, int Partitions, int Keys, double LingerMs, int NaiveRecords, bool Quick = false)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(Records: 100_000, Rounds: 5, Partitions: 16, Keys: 256, LingerMs: 0, NaiveRecords: 2_000);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--records" => settings with { Records = PositiveInt(args[i], value) },
                "--rounds" => settings with { Rounds = PositiveInt(args[i], value) },
                "--partitions" => settings with { Partitions = PositiveInt(args[i], value) },
                "--keys" => settings with { Keys = PositiveInt(args[i], value) },
                "--linger" => settings with { LingerMs = double.Parse(value, CultureInfo.InvariantCulture) },
                "--naive" => settings with { NaiveRecords = int.Parse(value, CultureInfo.InvariantCulture) },
                "--quick" => settings with { Quick = bool.Parse(value) },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}. Use --records N --rounds N --partitions N --keys N --linger MS --naive N --quick true|false (only raw vs Breadcrumb Send)."),
            };
            i++;
        }

        return settings;
    }

    /// <summary>Applies what raw and Breadcrumb clients share: acks=all, idempotence, linger.</summary>
    public void ApplyShared(ProducerConfig config, double? lingerMs = null)
    {
        config.Acks = Acks.All;
        config.EnableIdempotence = true;
        config.LingerMs = lingerMs ?? LingerMs;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a whole number above 0 (was '{value}').");
}

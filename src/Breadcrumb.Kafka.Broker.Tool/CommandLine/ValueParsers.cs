using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Broker.Tool.CommandLine;

/// <summary>Reads one option's text; a bad value adds an error naming the option, what it accepts and what it got.</summary>
internal static class ValueParsers
{
    public static readonly IReadOnlyDictionary<string, KafkaSecurityProtocol> SecurityProtocols =
        new Dictionary<string, KafkaSecurityProtocol>(StringComparer.OrdinalIgnoreCase)
        {
            ["plaintext"] = KafkaSecurityProtocol.Plaintext,
            ["ssl"] = KafkaSecurityProtocol.Ssl,
            ["sasl_plaintext"] = KafkaSecurityProtocol.SaslPlaintext,
            ["sasl_ssl"] = KafkaSecurityProtocol.SaslSsl,
        };

    public static readonly IReadOnlyList<string> SaslMechanisms = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"];

    public static readonly IReadOnlyDictionary<string, LogLevel> LogLevels =
        new Dictionary<string, LogLevel>(StringComparer.OrdinalIgnoreCase)
        {
            ["trace"] = LogLevel.Trace,
            ["debug"] = LogLevel.Debug,
            ["information"] = LogLevel.Information,
            ["warning"] = LogLevel.Warning,
            ["error"] = LogLevel.Error,
            ["critical"] = LogLevel.Critical,
            ["none"] = LogLevel.None,
        };

    private static readonly (string Suffix, long Factor)[] SizeSuffixes =
    [
        ("KIB", 1L << 10), ("MIB", 1L << 20), ("GIB", 1L << 30), ("TIB", 1L << 40),
        ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30), ("TB", 1L << 40),
        ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("T", 1L << 40),
        ("B", 1),
    ];

    public static int? Int(string option, string text, int min, int max, List<string> errors)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"{option} must be a whole number from {min} to {max} (was '{text}').");
        return null;
    }

    /// <summary>Reads a number of milliseconds: -1 (forever) or more.</summary>
    public static long? Milliseconds(string option, string text, List<string> errors)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= -1)
        {
            return value;
        }

        errors.Add($"{option} must be a number of milliseconds, -1 for no limit (was '{text}').");
        return null;
    }

    /// <summary>Reads a byte count with an optional K, M, G or T suffix (powers of 1024); -1 only where <paramref name="allowMinusOne"/>.</summary>
    public static long? Bytes(string option, string text, bool allowMinusOne, List<string> errors)
    {
        var trimmed = text.Trim();
        if (allowMinusOne && trimmed == "-1")
        {
            return -1;
        }

        var factor = 1L;
        foreach (var (suffix, value) in SizeSuffixes)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                factor = value;
                trimmed = trimmed[..^suffix.Length].TrimEnd();
                break;
            }
        }

        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= long.MaxValue / factor)
        {
            return count * factor;
        }

        var none = allowMinusOne ? "-1 for no limit" : "0 for no limit";
        errors.Add($"{option} must be a byte count, optionally with K, M or G (powers of 1024) as in 512M; {none} (was '{text}').");
        return null;
    }

    /// <summary>Reads ports given as repeated options and/or comma-separated lists.</summary>
    public static List<int> Ports(string option, IEnumerable<string> values, List<string> errors)
    {
        var ports = new List<int>();
        foreach (var part in SplitList(values))
        {
            if (Int(option, part, 0, 65535, errors) is { } port)
            {
                ports.Add(port);
            }
        }

        return ports;
    }

    public static string? Host(string option, string text, List<string> errors)
    {
        if (text == "localhost" || IPAddress.TryParse(text, out _))
        {
            return text;
        }

        errors.Add($"{option} must be an IP address to listen on, such as 127.0.0.1 or ::1, or 'localhost' (was '{text}').");
        return null;
    }

    public static KafkaSecurityProtocol? SecurityProtocol(string option, string text, List<string> errors)
    {
        if (SecurityProtocols.TryGetValue(text, out var protocol))
        {
            return protocol;
        }

        errors.Add($"{option} must be one of {string.Join(", ", SecurityProtocols.Keys)} (was '{text}').");
        return null;
    }

    public static List<string> Mechanisms(string option, IEnumerable<string> values, List<string> errors)
    {
        var mechanisms = new List<string>();
        foreach (var part in SplitList(values))
        {
            var known = SaslMechanisms.FirstOrDefault(m => string.Equals(m, part, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                errors.Add($"{option} must list mechanisms among {string.Join(", ", SaslMechanisms)} (was '{part}').");
            }
            else if (!mechanisms.Contains(known))
            {
                mechanisms.Add(known);
            }
        }

        return mechanisms;
    }

    public static LogLevel? Level(string option, string text, List<string> errors)
    {
        if (LogLevels.TryGetValue(text, out var level))
        {
            return level;
        }

        errors.Add($"{option} must be one of {string.Join(", ", LogLevels.Keys)} (was '{text}').");
        return null;
    }

    /// <summary>Reads <c>user:password</c>; an error never quotes the value, since it holds a password.</summary>
    public static SaslUser? User(string option, string text, List<string> errors)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? string.Empty : text[..colon];
        var password = colon < 0 ? string.Empty : text[(colon + 1)..];
        if (colon > 0 && password.Length > 0 && !name.Contains(',', StringComparison.Ordinal))
        {
            return new SaslUser(name, password);
        }

        var problem = colon < 0 ? "the value has no ':'"
            : name.Length == 0 ? "the user name is empty"
            : password.Length == 0 ? $"the password of '{name}' is empty"
            : $"the user name '{name}' has a ','";
        errors.Add($"{option} must be user:password with a non-empty user name (no ',') and password; {problem}.");
        return null;
    }

    private static IEnumerable<string> SplitList(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}

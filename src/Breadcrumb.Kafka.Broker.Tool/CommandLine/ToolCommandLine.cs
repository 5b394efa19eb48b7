using System.CommandLine;

namespace Breadcrumb.Kafka.Broker.Tool.CommandLine;

/// <summary>
/// The command line: System.CommandLine finds the options (and serves --help and --version), then
/// <see cref="Bind"/> reads each value into <see cref="ToolSettings"/> with errors in the tool's own words.
/// </summary>
internal sealed partial class ToolCommandLine
{
    private readonly Option<string[]> ports = new("--port", "--ports", "-p")
    {
        Description = "The brokers' ports: one (the brokers take it and the next ones: --port 9092 --brokers 3 → 9092-9094), "
            + "or one per broker, comma-separated or repeated. Default: free ports. Use --port 9092 to be where Kafka usually is.",
        HelpName = "port[,port...]",
    };

    private readonly Option<string> brokers = new("--brokers")
    {
        Description = $"How many brokers, each on its own port, partition leaders spread across them (1-{ToolDefaults.MaxBrokerCount}). Default {ToolDefaults.BrokerCount}.",
        HelpName = "count",
    };

    private readonly Option<string> host = new("--host")
    {
        Description = $"The address to listen on and advertise: an IP address or localhost. Default {ToolDefaults.Host}.",
        HelpName = "address",
    };

    private readonly Option<string[]> topics = new("--topic", "-t")
    {
        Description = "A topic to create before the address is printed; repeat for more. "
            + "Partitions and configs are optional: orders, orders:6, orders:6:retention.ms=60000,cleanup.policy=compact.",
        HelpName = "name[:partitions[:key=value,...]]",
    };

    private readonly Option<string> defaultPartitions = new("--default-partitions")
    {
        Description = $"The partition count of auto-created topics and of --topic without one (num.partitions). Default {ToolDefaults.DefaultPartitions}.",
        HelpName = "count",
    };

    private readonly Option<bool> noAutoCreate = new("--no-auto-create")
    {
        Description = "Do not create topics that clients ask metadata for (auto.create.topics.enable=false).",
    };

    private readonly Option<string> securityProtocol = new("--security-protocol")
    {
        Description = "What the listeners ask of clients: plaintext, ssl, sasl_plaintext or sasl_ssl (TLS with a CA made at start). "
            + "Default plaintext, or sasl_plaintext when --sasl-user is given.",
        HelpName = "protocol",
    };

    private readonly Option<string[]> saslUsers = new("--sasl-user")
    {
        Description = "A SASL user as user:password; repeat for more. The password is never printed or logged.",
        HelpName = "user:password",
    };

    private readonly Option<string[]> saslMechanisms = new("--sasl-mechanisms")
    {
        Description = "SASL mechanisms to enable, comma-separated: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512. Default all three.",
        HelpName = "mechanism[,mechanism...]",
    };

    private readonly Option<string> retentionMs = new("--retention-ms")
    {
        Description = "retention.ms of every topic that does not set its own; -1 keeps records forever (the default).",
        HelpName = "ms",
    };

    private readonly Option<string> retentionBytes = new("--retention-bytes")
    {
        Description = "retention.bytes of every partition whose topic does not set its own, with K, M or G as in 64M; -1 for no limit (the default).",
        HelpName = "bytes",
    };

    private readonly Option<string> memoryBudget = new("--memory-budget")
    {
        Description = "The bytes all partitions together may hold, with K, M or G (powers of 1024) as in 512M; 0 for no limit. "
            + "A produce past it fails with POLICY_VIOLATION. Default 1G.",
        HelpName = "bytes",
    };

    private readonly Option<bool> exitOnStdinClose = new("--exit-on-stdin-close")
    {
        Description = "Stop when standard input closes (end of file), so the broker never outlives the process that started it.",
    };

    private readonly Option<string> logLevel = new("--log-level")
    {
        Description = "The broker's log on stderr: trace, debug, information, warning, error, critical or none. Default warning.",
        HelpName = "level",
    };

    private readonly RootCommand root;

    public ToolCommandLine()
    {
        root = new RootCommand(
            "Starts a Kafka cluster in memory (the Breadcrumb.Kafka C# broker) for tests in any language. Prints the bootstrap "
            + "address alone on the first line of stdout (and the CA file on the second with TLS), details on stderr, "
            + "then serves until Ctrl+C, SIGTERM, or the end of stdin with --exit-on-stdin-close. "
            + "Exit codes: 0 stopped, 1 could not start (port in use), 2 bad arguments.")
        {
            ports, brokers, host, topics, defaultPartitions, noAutoCreate, securityProtocol, saslUsers, saslMechanisms,
            retentionMs, retentionBytes, memoryBudget, exitOnStdinClose, logLevel,
        };

        // The run itself happens outside System.CommandLine (Program owns signals and stdin); this action only marks
        // "no help or version asked".
        root.SetAction(_ => 0);
    }

    /// <summary>Parses the arguments and, when they hold no error and ask for no help, reads them into settings.</summary>
    public ToolArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return new ToolArguments(parsed, null, [.. parsed.Errors.Select(e => e.Message)]);
        }

        if (parsed.Action != root.Action)
        {
            return new ToolArguments(parsed, null, []);
        }

        var errors = new List<string>();
        var settings = Bind(parsed, errors);
        return new ToolArguments(parsed, errors.Count == 0 ? settings : null, errors);
    }
}

using System.Diagnostics;

/// <summary>A broker in another process: this executable in <c>--serve csharp|mock</c> mode, driven over stdin/stdout.</summary>
internal sealed class RemoteBroker : IDisposable
{
    private readonly Process process;

    private RemoteBroker(Process process, string bootstrapServers)
    {
        this.process = process;
        BootstrapServers = bootstrapServers;
    }

    public string BootstrapServers { get; }

    public static RemoteBroker Start(string kind)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot find this executable's path to start --serve.");
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        // Started as `dotnet Breadcrumb.Kafka.BrokerBench.dll`: the muxer needs the dll again.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(RemoteBroker).Assembly.Location);
        }

        info.ArgumentList.Add("--serve");
        info.ArgumentList.Add(kind);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {self} --serve {kind}.");
        var first = process.StandardOutput.ReadLine();
        if (first is null || !first.StartsWith("BOOTSTRAP ", StringComparison.Ordinal))
        {
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException($"The --serve {kind} process printed '{first}' instead of its bootstrap address.");
        }

        return new RemoteBroker(process, first["BOOTSTRAP ".Length..]);
    }

    public void CreateTopic(string topic, int partitions) => Expect("OK", $"create {topic} {partitions}");

    public void DeleteTopic(string topic) => Expect("OK", $"delete {topic}");

    /// <summary>Asks the broker process for its heap, working set, CPU time and allocations.</summary>
    public BrokerStats Stats() => BrokerStats.Parse(Expect("STATS", "stats"));

    public void Dispose()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill();
        }

        process.Dispose();
    }

    private string[] Expect(string answer, string command)
    {
        process.StandardInput.WriteLine(command);
        process.StandardInput.Flush();
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"The --serve process ended before answering '{command}'.");
        var parts = line.Split(' ');
        return parts[0] == answer ? parts[1..] : throw new InvalidOperationException($"'{command}' answered '{line}'.");
    }
}

namespace Breadcrumb.Kafka.PackageTests.Infrastructure;

/// <summary>What a finished child process did, ready to paste into an assertion message.</summary>
public sealed record ProcessResult(string Command, string WorkingDirectory, int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration)
{
    private const int MaxShown = 12_000;

    public bool Succeeded => ExitCode == 0;

    public string Describe() =>
        $"""
        `{Command}` in {WorkingDirectory} exited with {ExitCode} after {Duration.TotalSeconds:F1} s.
        --- stdout ---
        {Tail(StandardOutput)}
        --- stderr ---
        {Tail(StandardError)}
        """;

    private static string Tail(string text) =>
        text.Length <= MaxShown ? text : $"[... {text.Length - MaxShown} chars cut ...]{text[^MaxShown..]}";
}

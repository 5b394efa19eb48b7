using Spectre.Console;

namespace Breadcrumb.Kafka.Samples;

/// <summary>Creates the consoles samples print to.</summary>
public static class SampleConsole
{
    /// <summary>Gets a console that discards everything (tests, the lab runner's quiet sections).</summary>
    public static IAnsiConsole Null { get; } = ForWriter(TextWriter.Null);

    /// <summary>Creates a console over a writer; colours only when the writer is a terminal.</summary>
    /// <param name="writer">Where the text goes.</param>
    /// <returns>The console.</returns>
    public static IAnsiConsole ForWriter(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.No,
    });
}

using PdfSharp.Fonts;

namespace Breadcrumb.Kafka.Samples.Lab;

/// <summary>
/// Gives PDFsharp a Unicode TrueType font: DejaVu Sans or Liberation Sans from the machine's font folders, else the
/// Segoe WP faces PDFsharp ships in its own package (so the PDF is written on a machine with no fonts installed).
/// </summary>
internal sealed class LabFontResolver : IFontResolver
{
    public const string Family = "LabSans";

    private static readonly string[] Folders =
    [
        "/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Fonts"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
    ];

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("arial.ttf", "arialbd.ttf"),
    ];

    private readonly Lazy<(byte[] Regular, byte[] Bold, string Name)> faces = new(Load);

    /// <summary>Gets the name of the font the PDF uses, for the docs and tests.</summary>
    public string FontName => faces.Value.Name;

    /// <summary>Installs the resolver once per process (PDFsharp allows one).</summary>
    public static void EnsureInstalled()
    {
        if (GlobalFontSettings.FontResolver is not LabFontResolver)
        {
            GlobalFontSettings.FontResolver = new LabFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "LabSans-Bold" : "LabSans-Regular", mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName == "LabSans-Bold" ? faces.Value.Bold : faces.Value.Regular;

    private static (byte[] Regular, byte[] Bold, string Name) Load()
    {
        foreach (var (regular, bold) in Candidates)
        {
            var regularPath = Find(regular);
            if (regularPath is not null)
            {
                var regularBytes = File.ReadAllBytes(regularPath);
                var boldPath = Find(bold);
                return (regularBytes, boldPath is null ? regularBytes : File.ReadAllBytes(boldPath), Path.GetFileNameWithoutExtension(regular));
            }
        }

        return (PdfSharp.WPFonts.FontDataHelper.SegoeWP, PdfSharp.WPFonts.FontDataHelper.SegoeWPBold, "Segoe WP (shipped with PDFsharp)");
    }

    private static string? Find(string fileName)
    {
        foreach (var folder in Folders.Where(f => f.Length > 0 && Directory.Exists(f)))
        {
            try
            {
                var hit = Directory.EnumerateFiles(folder, fileName, new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive, IgnoreInaccessible = true })
                    .FirstOrDefault();
                if (hit is not null)
                {
                    return hit;
                }
            }
            catch (IOException)
            {
                // A folder that cannot be listed has no font for us; try the next.
            }
        }

        return null;
    }
}

namespace Breadcrumb.Kafka.PackageTests.Infrastructure;

/// <summary>Copies what `dotnet pack` needs from this repository into a scratch folder.</summary>
/// <remarks>
/// Packing the repository in place would rebuild src/*/bin and obj with a throw-away version while other test
/// projects of the same `dotnet test` run may still be building against them; a scratch copy also behaves like the
/// clean clone the packaging checks assume (no bin, no obj, no .git).
/// </remarks>
internal static class ScratchCopy
{
    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config", "LICENSE", "README.md"];

    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Breadcrumb.Kafka.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Breadcrumb.Kafka.sln above {AppContext.BaseDirectory}: run these tests from the repository.");
    }

    /// <summary>Copies the root build files and src/ (without bin and obj), and returns the packable projects.</summary>
    public static IReadOnlyList<string> CopySources(string repositoryRoot, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var name in RootFiles.Where(n => File.Exists(Path.Combine(repositoryRoot, n))))
        {
            File.Copy(Path.Combine(repositoryRoot, name), Path.Combine(destination, name));
        }

        // The repository's nuget.config names artifacts/packages as a source; restore fails if it does not exist.
        Directory.CreateDirectory(Path.Combine(destination, "artifacts", "packages"));
        CopyTree(Path.Combine(repositoryRoot, "src"), Path.Combine(destination, "src"));
        return Directory.GetFiles(Path.Combine(destination, "src"), "*.csproj", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopyTree(directory, Path.Combine(destination, name));
            }
        }
    }
}

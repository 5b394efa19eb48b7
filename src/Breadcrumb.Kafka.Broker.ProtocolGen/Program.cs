using Breadcrumb.Kafka.Broker.ProtocolGen;

// Regenerates src/Breadcrumb.Kafka.Broker/Protocol/Generated from Protocol/Schema.
//   dotnet run --project src/Breadcrumb.Kafka.Broker.ProtocolGen            write the generated files
//   dotnet run --project src/Breadcrumb.Kafka.Broker.ProtocolGen -- --check exit 1 if they are out of date
var check = args.Contains("--check");
var root = FindRepositoryRoot(AppContext.BaseDirectory) ?? FindRepositoryRoot(Directory.GetCurrentDirectory());
if (root is null)
{
    Console.Error.WriteLine("Cannot find Breadcrumb.Kafka.sln above the current directory: run this from the repository.");
    return 2;
}

var protocol = Path.Combine(root, "src", "Breadcrumb.Kafka.Broker", "Protocol");
var schemaDirectory = Path.Combine(protocol, "Schema");
var outputDirectory = Path.Combine(protocol, "Messages", "Generated");
SortedDictionary<string, string> files;
try
{
    files = Generator.GenerateAll(schemaDirectory);
}
catch (SchemaException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

Directory.CreateDirectory(outputDirectory);
var stale = Directory.EnumerateFiles(outputDirectory, "*.g.cs").Where(p => !files.ContainsKey(Path.GetFileName(p))).ToList();
var changed = files.Where(f =>
{
    var path = Path.Combine(outputDirectory, f.Key);
    return !File.Exists(path) || File.ReadAllText(path) != f.Value;
}).Select(f => f.Key).ToList();

if (check)
{
    foreach (var name in changed.Concat(stale.Select(Path.GetFileName)))
    {
        Console.Error.WriteLine($"out of date: {name}");
    }

    return changed.Count + stale.Count == 0 ? 0 : 1;
}

foreach (var name in changed)
{
    File.WriteAllText(Path.Combine(outputDirectory, name), files[name]);
}

foreach (var path in stale)
{
    File.Delete(path);
}

Console.WriteLine($"{files.Count} files, {changed.Count} written, {stale.Count} deleted.");
return 0;

static string? FindRepositoryRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Breadcrumb.Kafka.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}

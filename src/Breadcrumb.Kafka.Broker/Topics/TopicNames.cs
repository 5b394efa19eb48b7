namespace Breadcrumb.Kafka.Broker.Topics;

/// <summary>Kafka's rules for topic names: 1–249 characters of [a-zA-Z0-9._-], and neither "." nor "..".</summary>
internal static class TopicNames
{
    public const int MaxLength = 249;

    /// <summary>Returns null for a legal name, else Kafka's reason.</summary>
    public static string? Check(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "Topic name is illegal, it can't be empty";
        }

        if (name is "." or "..")
        {
            return "Topic name cannot be \".\" or \"..\"";
        }

        if (name.Length > MaxLength)
        {
            return $"Topic name is illegal, it can't be longer than {MaxLength} characters, topic name: {name}";
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return $"Topic name \"{name}\" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'";
            }
        }

        return null;
    }

    /// <summary>Gets the name with '.' read as '_': two topics with the same such name collide in Kafka's metrics.</summary>
    public static string CollisionKey(string name) => name.Replace('.', '_');
}

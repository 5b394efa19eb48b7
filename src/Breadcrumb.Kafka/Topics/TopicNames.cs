namespace Breadcrumb.Kafka;

/// <summary>Checks topic names against Kafka's rules before any request is sent.</summary>
internal static class TopicNames
{
    public const int MaxLength = 249;

    /// <summary>Throws when <paramref name="topic"/> is not a name Kafka accepts.</summary>
    /// <param name="topic">The topic name.</param>
    /// <param name="parameterName">The parameter or setting that carried it.</param>
    /// <exception cref="ArgumentException">The name is empty, too long, <c>.</c>, <c>..</c> or has other characters than ASCII letters, digits, '.', '_' and '-'.</exception>
    public static void Validate(string topic, string parameterName = "topic")
    {
        if (string.IsNullOrEmpty(topic))
        {
            throw new ArgumentException($"{parameterName} is empty: a Kafka topic needs a name.", parameterName);
        }

        if (topic.Length > MaxLength)
        {
            throw new ArgumentException(
                $"{parameterName} '{topic[..20]}…' is {topic.Length} characters long; Kafka allows at most {MaxLength}.", parameterName);
        }

        if (topic is "." or "..")
        {
            throw new ArgumentException($"{parameterName} '{topic}' is not allowed by Kafka.", parameterName);
        }

        foreach (var c in topic)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                throw new ArgumentException(
                    $"{parameterName} '{topic}' contains '{c}'; Kafka topic names may only contain ASCII letters, digits, '.', '_' and '-'.",
                    parameterName);
            }
        }
    }
}

namespace Breadcrumb.Kafka.Broker.Tool;

/// <summary>A SASL user from <c>--sasl-user user:password</c>.</summary>
/// <param name="Name">The user name.</param>
/// <param name="Password">The password: never printed, logged or put in an error message.</param>
internal sealed record SaslUser(string Name, string Password)
{
    /// <summary>Returns the user name only, so a log or an assertion message never shows the password.</summary>
    public override string ToString() => Name;
}

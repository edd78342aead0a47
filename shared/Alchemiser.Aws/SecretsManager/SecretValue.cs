namespace Alchemiser.Aws.SecretsManager;

/// <summary>A secret's current value. <see cref="ToString"/> names the secret, never its value.</summary>
public sealed class SecretValue(string name, string versionId, string secretString)
{
    /// <summary>The secret's name.</summary>
    public string Name { get; } = name;

    /// <summary>The version read.</summary>
    public string VersionId { get; } = versionId;

    /// <summary>The value; never log it.</summary>
    public string SecretString { get; } = secretString;

    /// <summary>Name and version only.</summary>
    public override string ToString() => $"SecretValue({Name}, version {VersionId}, value hidden)";
}

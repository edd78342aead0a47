namespace Alchemiser.Aws.Signing;

/// <summary>The region and service a SigV4 signature is scoped to, e.g. <c>us-east-1</c> and <c>sqs</c>.</summary>
public sealed record SigningScope
{
    /// <summary>A scope; both parts are required.</summary>
    public SigningScope(string region, string service)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        Region = region;
        Service = service;
    }

    /// <summary>The AWS region, e.g. <c>us-east-1</c>.</summary>
    public string Region { get; }

    /// <summary>The signing name of the service, e.g. <c>sqs</c>, <c>events</c>, <c>sns</c>, <c>secretsmanager</c>.</summary>
    public string Service { get; }
}

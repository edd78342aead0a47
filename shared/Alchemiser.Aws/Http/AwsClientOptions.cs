using System.Globalization;

namespace Alchemiser.Aws.Http;

/// <summary>
/// Where and how <see cref="AwsHttpClient"/> calls AWS: the region, an optional single endpoint for every service
/// (moto, LocalStack), the time each attempt may take and how often a throttled or failed call is retried.
/// </summary>
public sealed record AwsClientOptions
{
    /// <summary>The region every request is signed for and sent to.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>When set, every service is called at this base URL (e.g. <c>http://127.0.0.1:5000</c> for moto).</summary>
    public Uri? EndpointOverride { get; init; }

    /// <summary>How long one attempt (request and response) may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt for throttling, 5xx, network errors and timeouts.</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>The first retry's delay; later retries back off exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Options from the environment a Lambda function (or a developer shell) has: <c>AWS_REGION</c> (else
    /// <c>AWS_DEFAULT_REGION</c>, else us-east-1) and <c>AWS_ENDPOINT_URL</c> as the endpoint override.
    /// </summary>
    public static AwsClientOptions FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var region = read("AWS_REGION") is { Length: > 0 } r ? r : read("AWS_DEFAULT_REGION") is { Length: > 0 } d ? d : "us-east-1";
        var endpoint = read("AWS_ENDPOINT_URL") is { Length: > 0 } e ? new Uri(e, UriKind.Absolute) : null;
        return new AwsClientOptions { Region = region, EndpointOverride = endpoint };
    }

    /// <summary>The base URL of <paramref name="service"/> (its signing name, e.g. <c>sqs</c>) in <see cref="Region"/>.</summary>
    public Uri EndpointFor(string service)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        if (EndpointOverride is not null)
        {
            return EndpointOverride;
        }

        return string.Equals(service, "iam", StringComparison.Ordinal)
            ? new Uri("https://iam.amazonaws.com/")
            : new Uri(string.Create(CultureInfo.InvariantCulture, $"https://{service}.{Region}.amazonaws.com/"));
    }
}

using Alchemiser.Aws.Http;
using Alchemiser.Aws.SecretsManager;
using Alchemiser.Aws.Signing;
using Alchemiser.Core.Errors;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Alchemiser.Cli.Cloud;

/// <summary>
/// The AWS clients the CLI needs (Secrets Manager for the Alpaca keys, S3 for the datalake), built the way the Lambda
/// composition builds them: <c>AWS_REGION</c> / <c>AWS_DEFAULT_REGION</c>, <c>AWS_ENDPOINT_URL</c> for moto or
/// LocalStack, and the access key from <c>AWS_ACCESS_KEY_ID</c> / <c>AWS_SECRET_ACCESS_KEY</c> (/
/// <c>AWS_SESSION_TOKEN</c>) when the CLI's environment has them, else the SDK's default chain (profiles, SSO,
/// instance roles).
/// </summary>
public static class CliAws
{
    public const string AccessKeyVariable = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY";
    public const string SessionTokenVariable = "AWS_SESSION_TOKEN";
    public const string EndpointVariable = "AWS_ENDPOINT_URL";

    /// <summary>Region, endpoint, the time one attempt may take and how often it is retried.</summary>
    /// <exception cref="ConfigurationException"><c>AWS_ENDPOINT_URL</c> is not an absolute URL.</exception>
    public static AwsClientOptions Options(CliContext context, TimeSpan? attemptTimeout = null, int? retries = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        AwsClientOptions options;
        try
        {
            options = AwsClientOptions.FromEnvironment(context.Setting);
        }
        catch (UriFormatException)
        {
            throw new ConfigurationException(
                $"{EndpointVariable} '{context.Setting(EndpointVariable)}' is not an absolute URL", "e.g. http://127.0.0.1:5000 for moto, or unset it for AWS itself");
        }

        return options with
        {
            AttemptTimeout = attemptTimeout ?? options.AttemptTimeout,
            MaxRetryAttempts = retries ?? options.MaxRetryAttempts,
        };
    }

    /// <summary>The access key of the environment when it has one; null for the SDK's default chain.</summary>
    public static AwsCredentials? EnvironmentCredentials(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Setting(AccessKeyVariable) is { } id && context.Setting(SecretAccessKeyVariable) is { } secret
            ? new AwsCredentials(id, secret, context.Setting(SessionTokenVariable))
            : null;
    }

    /// <summary>Secrets Manager over the signed HTTP client.</summary>
    public static SecretsManagerClient SecretsManager(CliContext context, AwsClientOptions options)
    {
        IAwsCredentialSource source = EnvironmentCredentials(context) is { } fixedKeys ? new StaticCredentialSource(fixedKeys) : new SdkCredentialSource();
        return new SecretsManagerClient(new AwsHttpClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, source, options));
    }

    /// <summary>
    /// An AWS SDK client error as one line: the SDK lists every credential provider it tried on lines of their own,
    /// which says no more than that none had credentials.
    /// </summary>
    public static string Describe(AmazonClientException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var first = error.Message.Split('\n', 2)[0].Trim();
        return first.StartsWith("Failed to resolve AWS credentials", StringComparison.Ordinal)
            ? "no AWS credentials found (environment variables, profile, web identity or instance role)"
            : first;
    }

    /// <summary>An S3 client for <paramref name="options"/> (path-style addressing when an endpoint is given, as moto needs).</summary>
    public static AmazonS3Client S3(CliContext context, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.EndpointOverride is not null,
            Timeout = options.AttemptTimeout,
            MaxErrorRetry = options.MaxRetryAttempts,
        };
        if (options.EndpointOverride is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return EnvironmentCredentials(context) is { } c
            ? new AmazonS3Client(
                c.SessionToken is null ? new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey) : new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken),
                config)
            : new AmazonS3Client(config);
    }
}
